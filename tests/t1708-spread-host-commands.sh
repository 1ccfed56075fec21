# $(HOST: cmd) runs on the host when orchgen generates, with the host's
# environment; its output reaches the jobs, never build.ninja; a changed
# output reruns the jobs that use it and no other, and changes the run key
# that CI caches the run's state under. (Its include decides
# what is copied: the jobs check.)
. "$TOP/tests/lib.sh"
spread_project host
export ORCHTEST_HOST_VAR=from-the-host
"$ORCHGEN" >/dev/null
ninja_ok
grep -qx 'FROM_HOST=one HOST_USER=from-the-host' .orch/logs/alpha/tests/main/uses-host.log || fail "the job did not get the host's output"
! grep -q 'from-the-host' build.ninja || fail "a host command's output is in build.ninja"
run1=$("$ORCHGEN" keys | grep '^ORCHGEN_KEY_RUN_ALPHA=')
echo two >host-value.txt
[ "$("$ORCHGEN" keys | grep '^ORCHGEN_KEY_RUN_ALPHA=')" != "$run1" ] || fail "the run key does not follow a host command's output"
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(count TEST)" -eq 1 ] || fail "not exactly the job that uses the output reran"
grep -qx 'FROM_HOST=two HOST_USER=from-the-host' .orch/logs/alpha/tests/main/uses-host.log || fail "the job did not get the new output"
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(count TEST)" -eq 0 ] || fail "an unchanged output reran a job"
