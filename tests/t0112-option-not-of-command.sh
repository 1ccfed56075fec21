# Each command takes only its own options: another's is a usage error
# that names it and prints the command's usage line, not the whole list;
# `orchgen COMMAND --help` prints that command's usage and options.
. "$TOP/tests/lib.sh"
project
expect_exit 2 "$ORCHGEN" list --caches
expect_output '^orchgen: list does not take --caches$'
expect_output '^usage: orchgen list .*--format=FORMAT'
[ "$(wc -l <"$T/out")" -eq 2 ] || { cat "$T/out"; fail "more than the error and one usage line"; }
expect_exit 2 "$ORCHGEN" gc --distros=alpha
expect_output '^orchgen: gc does not take --distros=A,B$'
expect_exit 2 "$ORCHGEN" gc leftover
expect_output 'gc takes no operand, got "leftover"'
expect_exit 2 "$ORCHGEN" list --no-such-option
expect_output '^orchgen: --no-such-option: no such option$'
expect_output '^usage: orchgen list '
expect_exit 2 "$ORCHGEN" image --distro alpha -o out
expect_output '^orchgen: image needs --hash=FILE$'
expect_exit 0 "$ORCHGEN" list --help
expect_output '^usage: orchgen list '
expect_output '^  --targets$'
! grep -q -- '--caches' "$T/out" || fail "list --help shows gc's option"
expect_exit 0 "$ORCHGEN" --help
expect_output '^  keys '
expect_exit 2 "$ORCHGEN" --distros=,
expect_output 'expected distro names separated by commas'
