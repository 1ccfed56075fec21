# No suites directory: exit 2, a message naming it, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
mv suites tests
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: suites'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
expect_exit 0 "$ORCHGEN" -D project.suites=tests
