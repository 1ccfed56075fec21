# A Dockerfile that is named but missing: exit 2, a message naming it, and
# no build.ninja written. (With none named and no docker/Dockerfile, the
# base is the image: t1401.)
. "$TOP/tests/lib.sh"
project
printf '[project]\ndockerfile = docker/Containerfile\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'dockerfile docker/Containerfile: No such file or directory: \[project\] dockerfile names the Dockerfile'
[ ! -e build.ninja ] || fail "build.ninja was written"
