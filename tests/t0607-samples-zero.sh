# `samples: 0` is not a number of runs: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nsamples: 0\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:10: samples: expected a whole number of runs from 1 to 1000, got "0"'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
