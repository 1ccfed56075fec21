# A one-line value (jobs) continued on an indented line: exit 2 at that line.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
sed -i 's/^jobs = 2$/jobs = 2\n  3/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "^orchgen: orchgen.ini:4: jobs takes a single line"
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
