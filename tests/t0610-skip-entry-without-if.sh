# a `skip` entry without `if`: exit 2, "FILE:LINE:COL:" and the form expected, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'execute: echo\nskip:\n  - reason: not on arch\n' >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:3:5: skip: entry without "if": expected a shell condition under "if"'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
