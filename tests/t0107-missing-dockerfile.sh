# No Dockerfile: exit 2, a message naming it, and no build.ninja written.
. "$TOP/tests/lib.sh"
project
rm docker/Dockerfile
expect_exit 2 "$ORCHGEN"
expect_output 'docker/Dockerfile'
[ ! -e build.ninja ] || fail "build.ninja was written"
printf '[project]\ndockerfile = docker/Containerfile\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'docker/Containerfile'
