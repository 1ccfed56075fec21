# [project] env takes variable names only: nothing that docker -e would
# read as an option or an assignment.
. "$TOP/tests/lib.sh"
project
sed -i 's/^jobs = 2$/&\nenv = RELA=forced --privileged 1BAD/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "orchgen.ini:4: bad variable name \"RELA=forced\": expected letters, digits and '_', not starting with a digit"
[ ! -e build.ninja ] || fail "build.ninja was written"
