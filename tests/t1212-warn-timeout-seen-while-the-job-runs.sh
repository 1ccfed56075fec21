# The warn-timeout warning is seen while the job still runs, not when it
# ends: in its log (orchgen log -f), and on the terminal ninja runs on.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'warn-timeout: 1s\nexecute: |\n  sleep 6\n  echo done\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
script -qfec "ninja test-alpha/main/hello" "$T/tty" >/dev/null 2>&1 &
run=$!
i=0
until grep -q 'still running after 1s (warn-timeout)' .orch/logs/alpha/main/hello.log 2>/dev/null; do
	i=$((i + 1)); [ $i -le 40 ] || fail "no warning in the log within 4s"; sleep 0.1
done
# The terminal gets it through ninja and script(1), a moment after the log.
i=0
until grep -q 'still running after 1s' "$T/tty"; do
	i=$((i + 1)); [ $i -le 20 ] || fail "no warning on the terminal while the job runs"; sleep 0.1
done
! grep -q '^done' .orch/logs/alpha/main/hello.log || fail "the job had ended already"
wait $run || true
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "the job did not pass"
