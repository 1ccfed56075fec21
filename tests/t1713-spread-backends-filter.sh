# spread's `backends` of suites and tasks filter the backends a task runs
# under (the listing is checked by t1701): a system under two backends runs
# under the first one the filter leaves, and SPREAD_BACKEND and SPREAD_JOB
# name it.
. "$TOP/tests/lib.sh"
spread_project backends
"$ORCHGEN" >/dev/null
ninja_ok test-alpha/tests/main/all test-alpha/tests/main/only-second
grep -qx 'backend first job first:alpha:tests/main/all' .orch/logs/alpha/tests/main/all.log ||
	fail "without a filter, alpha does not run under its first backend"
grep -qx 'backend second job second:alpha:tests/main/only-second' .orch/logs/alpha/tests/main/only-second.log ||
	fail "backends: [second] does not run alpha under the second backend"
"$ORCHGEN" list >"$T/list"
grep -q '^beta:tests/main/only-second' "$T/list" && fail "a system of a filtered-out backend is listed"
exit 0
