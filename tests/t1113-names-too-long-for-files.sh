# A name that fits the matrix but not the files made from it is refused at
# generation, naming it: a suite directory too long for its hash file, a
# project and distro too long for docker's image names.
. "$TOP/tests/lib.sh"
project
long=$(printf 'x%.0s' $(seq 1 250))
mkdir -p "suites/$long"
printf 'execute: true\n' >"suites/$long/task.yaml"
expect_exit 2 "$ORCHGEN"
expect_output "suites/$long/task.yaml: a name too long for the files of its jobs"
[ ! -e build.ninja ] || fail "build.ninja was written"
rm -r "suites/$long"
n128=$(printf 'a%.0s' $(seq 1 128))
sed -i "s/^name = .*/name = $n128/" orchgen.ini
printf '\n[distro %s]\nbase = x\n' "$n128" >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "its image would be named with 262 bytes: expected at most 255"
