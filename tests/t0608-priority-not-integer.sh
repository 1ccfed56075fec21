# `priority: high` is not an integer: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\npriority: high\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:11: priority: expected an integer, got "high"'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
