# A filter with a run of dots or colons that means nothing: exit 2, saying what it expected.
. "$TOP/tests/lib.sh"
project
expect_exit 2 "$ORCHGEN" list 'main..hello'
expect_output '^orchgen: filter "main..hello": ".." means nothing: expected ".", "..." or a single ":"'
expect_exit 2 "$ORCHGEN" list 'alpha::hello'
expect_output '"::" means nothing'
expect_exit 2 "$ORCHGEN" list ''
expect_output '^orchgen: filter "": expected a job name'
