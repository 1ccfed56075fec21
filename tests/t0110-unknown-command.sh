# An unknown subcommand: exit 2, its name and the usage, nothing written.
. "$TOP/tests/lib.sh"
project
expect_exit 2 "$ORCHGEN" frobnicate
expect_output '^orchgen: unknown command "frobnicate"'
expect_output '^usage: orchgen'
[ ! -e build.ninja ] || fail "build.ninja was written"
expect_exit 2 "$ORCHGEN" --no-such-option
