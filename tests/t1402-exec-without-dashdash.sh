# orchgen exec D COMMAND... needs no "--" when COMMAND does not start with
# '-': the options end where the command starts, so its own options are
# its own. A command the image lacks is one clear line and status 127.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
ninja_ok image-alpha
expect_exit 0 "$ORCHGEN" exec alpha ls -a -l /workspace/orchgen.ini </dev/null
expect_output '/workspace/orchgen.ini'
expect_exit 3 "$ORCHGEN" exec alpha sh -c 'exit 3' </dev/null
expect_exit 0 "$ORCHGEN" -f orchgen.ini exec -D project.jobs=3 alpha echo -f </dev/null
expect_output '^-f$'
expect_exit 127 "$ORCHGEN" exec alpha no-such-command --flag </dev/null
expect_output '^orchgen: no-such-command: no such command in the image$'
[ "$(wc -l <"$T/out")" -eq 1 ] || { cat "$T/out"; fail "more than one line for a missing command"; }
