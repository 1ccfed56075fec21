# kill-timeout ends a hung job with status timeout and leaves no container.
. "$TOP/tests/lib.sh"
base_image
TASK_EXTRA='kill-timeout: 3s\n' hang_project
ninja_ok images
start=$(date +%s)
expect_exit 1 ninja test-alpha/hang
took=$(( $(date +%s) - start ))
[ "$took" -le 8 ] || fail "the job took ${took}s with a 3s kill-timeout"
grep -q '"status": "timeout"' .orch/results/alpha/hang.json || fail "status is not timeout"
[ -z "$(containers)" ] || fail "a container is left: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
