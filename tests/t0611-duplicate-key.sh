# a key given twice at the top: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nsummary: one\nsummary: two\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:3:1: duplicate key "summary" (first at line 2)'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
