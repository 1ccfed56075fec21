# A base that is not an image reference docker takes is refused at
# generation, at its line, rather than retried as engine trouble later.
. "$TOP/tests/lib.sh"
project
sed -i '0,/^base = .*/s//base = Debian 12/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:6: bad image reference "Debian 12": expected \[HOST\[:PORT\]/\]NAME\[:TAG\]\[@DIGEST\], NAME in lowercase'
sed -i 's/^base = Debian 12/base = localhost:5000\/team\/busybox:1.36/' orchgen.ini
expect_exit 0 "$ORCHGEN"
