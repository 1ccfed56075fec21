# YAML nested deeper than the limit: exit 2 at the level past it, quickly, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
{ printf 'execute: echo\ndeep: '; head -c 500000 /dev/zero | tr '\0' '['; echo; } >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:38: nested deeper than 32 levels'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
