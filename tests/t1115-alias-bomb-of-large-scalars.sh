# Aliases that copy large scalars many times are refused by the text they
# would make, quickly and in little memory, naming the line.
. "$TOP/tests/lib.sh"
project
python3 - >suites/main/hello/task.yaml <<'PY'
print("a: &a " + "x" * 600000)
print("b: &b [" + ", ".join(["*a"] * 10) + "]")
print("c: [" + ", ".join(["*b"] * 10) + "]")
print("execute: true")
PY
expect_exit 2 timeout 20 "$ORCHGEN"
expect_output 'suites/main/hello/task.yaml:[0-9]*:[0-9]*: more than 16 MiB of text, copies by aliases included'
