# `skip` as a list of strings, not of {reason, if} mappings: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nskip:\n  - test -e /etc/arch-release\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:3:5: skip: expected a mapping with "if" and "reason" in the list, got a scalar'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
