# Without orchgen.ini here or above: exit 2, a message naming the file, no build.ninja.
. "$TOP/tests/lib.sh"
# Outside the source tree, whose own orchgen.ini would be a project above.
empty=$(mktemp -d "${TMPDIR:-/tmp}/orchtest-empty-XXXXXX")
trap 'rm -rf "$empty"; remove_leftovers' EXIT
cd "$empty"
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: orchgen.ini: cannot read the matrix: No such file or directory$'
expect_output '^orchgen: no project here: orchgen init makes one'
[ ! -e build.ninja ] || fail "build.ninja was written"
expect_exit 2 "$ORCHGEN" -f other.ini
expect_output '^orchgen: other.ini: cannot read the matrix'
[ -z "$(ls -A)" ] || fail "files left behind: $(ls -A)"
