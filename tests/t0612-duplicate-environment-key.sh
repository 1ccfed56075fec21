# a variable given twice in `environment`: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nenvironment:\n  A: 1\n  B: 2\n  A: 3\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:5:3: duplicate key "A" (first at line 3)'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
