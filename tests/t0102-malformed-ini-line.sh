# A line that is not INI: exit 2, "orchgen.ini:LINE:", build.ninja kept as it was.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf 'this is not ini\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "^orchgen: orchgen.ini:$(wc -l <orchgen.ini): malformed line"
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
! ls build.ninja.tmp* >/dev/null 2>&1 || fail "a temporary file was left behind"
