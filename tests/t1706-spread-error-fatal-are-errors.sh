# ERROR and FATAL end a job with status error and their message, not as a
# failure; the rest of the script does not run.
. "$TOP/tests/lib.sh"
spread_project errors
"$ORCHGEN" >/dev/null
expect_exit 1 ninja test-alpha/tests/main/error
expect_output 'tests/main/error: error: the machine is not ready (exit status 213)'
grep -q '"status": *"error"' .orch/results/alpha/tests/main/error.json || fail "ERROR's result is not an error"
! grep -qx never .orch/logs/alpha/tests/main/error.log || fail "the script ran on after ERROR"
expect_exit 1 ninja test-alpha/tests/main/fatal
expect_output 'tests/main/fatal: error: no way on'
grep -q '"status": *"error"' .orch/results/alpha/tests/main/fatal.json || fail "FATAL's result is not an error"
