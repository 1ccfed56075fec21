# A task.yaml that is a list, not a mapping: exit 2 naming the file, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf -- '- summary: a list\n- execute: echo\n' >suites/main/vars/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/vars/task.yaml:1:1: .*mapping'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
