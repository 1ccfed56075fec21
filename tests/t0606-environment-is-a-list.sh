# `environment` given as a list: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nenvironment:\n  - A=1\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:3:3: environment: expected a mapping of NAME: value, got a sequence'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
