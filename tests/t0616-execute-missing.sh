# a suite without `execute`: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'summary: nothing to run\nprepare: echo\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:1:1: "execute" is missing or empty: expected an execute script'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
