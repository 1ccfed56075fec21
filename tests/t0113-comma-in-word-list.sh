# A comma does not separate the words of a list: `features = a, b` is an
# error at its line, not a feature named "a,". build-args take KEY=VALUE.
. "$TOP/tests/lib.sh"
project
sed -i 's/^base = .*/&\nfeatures = gzip-extra, zstd/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output '^orchgen: orchgen.ini:7: "gzip-extra,": a comma does not separate words: expected words separated by blanks$'
[ ! -e build.ninja ] || fail "build.ninja was written"
sed -i 's/^features = .*/features = gzip-extra zstd/' orchgen.ini
sed -i 's/^build-args = .*/build-args = FLAVOUR=beta,gamma NAME/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:[0-9]*: bad build argument "NAME": expected KEY=VALUE'
! grep -q 'FLAVOUR' "$T/out" || fail "a value with a comma was refused"
