# A failing job fails ninja, shows its log's tail and path, and is never cached.
. "$TOP/tests/lib.sh"
base_image
project
docker_spy
mkdir -p suites/main/bad
printf 'execute: |\n  echo "bad-marker-output"\n  exit 1\n' >suites/main/bad/task.yaml
"$ORCHGEN"
expect_exit 1 ninja -k 0
expect_output 'bad-marker-output'
expect_output 'full log: .orch/logs/alpha/main/bad.log'
grep -q '"status": "fail"' .orch/results/alpha/main/bad.json || fail "no fail status in the result"
[ -f .orch/stamp/alpha/main/hello.ok ] || fail "a passing job has no stamp"
[ -z "$(find .orch/stamp -path "*/main/bad*")" ] || fail "a failed job has a stamp"
reset_calls
expect_exit 1 ninja -k 0
[ "$(calls run)" -eq 2 ] || fail "expected only the 2 failing jobs to rerun, got $(calls run) runs"
[ "$(grep -c 'orchgen.job=[a-z]*:main/bad ' "$T/docker.calls")" -eq 2 ] || fail "the reruns were not main/bad's"
