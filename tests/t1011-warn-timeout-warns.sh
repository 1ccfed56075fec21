# warn-timeout: a job still running at its warn deadline gets a warning
# line; it goes on and passes.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/slow
printf 'warn-timeout: 1s\nexecute: sleep 3\n' >suites/slow/task.yaml
"$ORCHGEN"
ninja_ok test-alpha
grep -q 'alpha:slow: still running after 1s (warn-timeout)' "$T/ninja.out" || fail "no warning"
grep -q '"status": "pass"' .orch/results/alpha/slow.json || fail "the job did not pass"
