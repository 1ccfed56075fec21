# Plain `ninja` sees a suite added (its jobs run) and removed (its target goes).
. "$TOP/tests/lib.sh"
built_project
mkdir -p suites/extra/new
printf 'execute: echo new-suite-ran\n' >suites/extra/new/task.yaml
ninja_ok
[ "$(calls run)" -eq 2 ] || fail "expected the new suite's 2 jobs to run, got $(calls run)"
grep -q '"status": "pass"' .orch/results/alpha/extra/new.json || fail "alpha:extra/new did not pass"
grep -q new-suite-ran .orch/logs/beta/extra/new.log || fail "beta:extra/new did not run"
ninja -t query test-alpha/extra/new >/dev/null 2>&1 || fail "no target test-alpha/extra/new"
rm -r suites/extra/new
ninja_ok
! ninja -t query test-alpha/extra/new >/dev/null 2>&1 || fail "test-alpha/extra/new is still a target"
expect_exit 1 ninja test-alpha/extra/new
