# A job exiting 125 (docker run's own error code) is a job failure, not engine trouble.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/odd
printf 'execute: exit 125\n' >suites/odd/task.yaml
"$ORCHGEN"
cmd=$(ninja -t commands test-alpha/odd | grep ' test ')
ninja_ok image-alpha
expect_exit 1 sh -c "$cmd"
grep -q '"status": "fail"' .orch/results/alpha/odd.json || fail "no fail result"
grep -q '"exit_code": 125' .orch/results/alpha/odd.json || fail "the exit code is not the job's"
