# A spread project runs unchanged: every level's environment and variants
# reach its jobs, expanded in spread's order (the tasks check them); manual
# at backend, system and suite level leaves those jobs out of test-D until named.
. "$TOP/tests/lib.sh"
spread_project cascade
"$ORCHGEN" >/dev/null 2>&1
ninja_ok
grep -q '^PROJECT_ONE=one BACKEND_ONE=backend-one SUITE_ALL=one suite TASK_ALL=one suite system LEVEL=system PVAR=project-one$' \
	.orch/logs/beta/tests/main/env:pa.log || fail "beta's job does not see every level"
[ ! -e .orch/logs/gamma ] || fail "a manual system's jobs ran unnamed"
[ ! -e .orch/logs/alpha/tests/manual ] || fail "a manual suite's jobs ran unnamed"
[ ! -e .orch/logs/delta ] || fail "a manual backend's jobs ran unnamed"
ninja_ok test-gamma/tests/main/env:pa test-alpha/tests/manual/named:pb
[ -e .orch/stamp/gamma/tests/main/env:pa.ok ] || fail "a manual system's job did not run when named"
