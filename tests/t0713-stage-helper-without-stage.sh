# The build and warm helpers, called for a project without that stage, say
# so with status 2 and run no container.
. "$TOP/tests/lib.sh"
project
docker_spy
mkdir -p .orch/image
echo "$PNAME-alpha:0" >.orch/image/alpha
expect_exit 2 "$ORCHGEN" build --distro alpha --image .orch/image/alpha -o .orch/stage/alpha/build.ok
expect_output 'orchgen.ini: no \[project\] build: nothing to build'
expect_exit 2 "$ORCHGEN" warm --distro alpha --image .orch/image/alpha -o .orch/stage/alpha/warm.ok
expect_output 'orchgen.ini: no \[cache NAME\] has a warm command: nothing to warm'
[ "$(calls run)" -eq 0 ] || fail "a container ran"
[ ! -e .orch/stage ] || fail "a stage file was written"
