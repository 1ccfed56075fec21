# Without orchgen.ini: exit 2, a message naming the file, no build.ninja.
. "$TOP/tests/lib.sh"
mkdir "$T/empty" && cd "$T/empty"
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: orchgen.ini: cannot read the matrix: No such file or directory$'
expect_output '^orchgen: no project here: orchgen init makes one'
[ ! -e build.ninja ] || fail "build.ninja was written"
expect_exit 2 "$ORCHGEN" -f other.ini
expect_output '^orchgen: other.ini: cannot read the matrix'
[ -z "$(ls -A)" ] || fail "files left behind: $(ls -A)"
