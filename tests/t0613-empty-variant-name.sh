# a variant key with an empty variant name, `X/a,,b`: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nenvironment:\n  X/a,,b: 1\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:3:3: environment: bad variant "" in "X/a,,b": use letters, digits'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
