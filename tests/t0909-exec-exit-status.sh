# orchgen exec exits with the command's status; without a command, or with
# an unknown distro, it is a usage error (status 2).
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
ninja_ok image-alpha
expect_exit 5 "$ORCHGEN" exec alpha -- sh -c 'exit 5' </dev/null
expect_exit 2 "$ORCHGEN" exec alpha </dev/null
expect_output '^orchgen: exec alpha: no command: expected orchgen exec D COMMAND \[ARG\]...$'
expect_exit 2 "$ORCHGEN" exec gamma -- true </dev/null
expect_output 'no distro "gamma"'
