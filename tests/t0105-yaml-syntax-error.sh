# A task.yaml that is not YAML: exit 2, "FILE:LINE:COL:", build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'summary: broken\nexecute: echo: oops\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:14: mapping values are not allowed'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
