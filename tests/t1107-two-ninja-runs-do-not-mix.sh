# Two ninja runs in one project at once: a second run of a job waits for
# the first (and says so), so its log holds one run and its stamp follows
# its own result.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  echo start\n  sleep 3\n  echo end\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
ninja test-alpha/main/hello >"$T/one" 2>&1 &
first=$!
sleep 1
"$ORCHGEN" test --distro alpha --suite main/hello --image .orch/image/alpha >"$T/two" 2>&1 || fail "the second run failed: $(cat "$T/two")"
wait $first || fail "the first run failed: $(cat "$T/one")"
grep -q 'another run of it is going on: waiting' "$T/two" || fail "the second run did not wait"
[ "$(grep -c '^start$' .orch/logs/alpha/main/hello.log)" -eq 1 ] || fail "the log mixes runs: $(cat .orch/logs/alpha/main/hello.log)"
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "no pass"
[ -e .orch/stamp/alpha/main/hello.ok ] || fail "a passing job has no stamp"
