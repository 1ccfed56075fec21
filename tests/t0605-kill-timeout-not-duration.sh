# `kill-timeout: soon` is not a duration: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nkill-timeout: soon\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:15: kill-timeout: expected a duration like 90s, 30m or 1h30m, at most 30 days, got "soon"'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
