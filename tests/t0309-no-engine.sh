# Without an engine, ninja fails; the image helper exits 3 and says how to start one.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
export DOCKER_HOST=unix:///nonexistent/docker.sock
expect_exit 1 ninja
cmd=$(ninja -t commands .orch/image/alpha | grep ' image ')
[ -n "$cmd" ] || fail "no image command in the graph"
expect_exit 3 sh -c "$cmd"
expect_output 'dockerd'
expect_output 'start one'
[ ! -e .orch/stamp ] || fail "stamps were written: $(find .orch/stamp -type f)"
[ ! -e .orch/results ] || fail "results were written: $(find .orch/results -type f)"
