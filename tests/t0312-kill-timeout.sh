# kill-timeout ends a hung job with status timeout and leaves no container.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/hang
printf 'kill-timeout: 3s\nexecute: sleep 60\n' >suites/hang/task.yaml
"$ORCHGEN"
start=$(date +%s)
expect_exit 1 ninja test-alpha/hang
took=$(( $(date +%s) - start ))
[ "$took" -le 15 ] || fail "the job took ${took}s"
grep -q '"status": "timeout"' .orch/results/alpha/hang.json || fail "status is not timeout"
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "a container is left: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
