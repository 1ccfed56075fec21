# A task.yaml over 1 MiB: exit 2 with a message that names the file, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
{ printf 'execute: echo\n'; yes '# filler' | head -n 200000; } >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml: larger than 1 MiB'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
