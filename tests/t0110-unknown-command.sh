# An unknown subcommand: exit 2, one line that names it and where the
# commands are listed, nothing written.
. "$TOP/tests/lib.sh"
project
expect_exit 2 "$ORCHGEN" frobnicate
expect_output '^orchgen: unknown command "frobnicate" (orchgen --help lists them)$'
[ "$(wc -l <"$T/out")" -eq 1 ] || { cat "$T/out"; fail "more than one line for an unknown command"; }
[ ! -e build.ninja ] || fail "build.ninja was written"
expect_exit 2 "$ORCHGEN" --no-such-option
[ ! -e build.ninja ] || fail "build.ninja was written"
