# orchgen shell needs D's image recorded (status 2, saying how to make it),
# and a distro of the matrix (status 2).
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
expect_exit 2 "$ORCHGEN" shell alpha </dev/null
expect_output 'run `ninja image-alpha` first'
expect_exit 2 "$ORCHGEN" shell gamma </dev/null
expect_output 'no distro "gamma"'
expect_exit 2 "$ORCHGEN" shell </dev/null
expect_output 'usage: orchgen shell'
