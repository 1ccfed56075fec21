# REBOOT [KEY] restarts the job's container with its filesystem kept and
# runs the same section again, SPREAD_REBOOT set to KEY or to the count of
# reboots: four in one task; the task's prepare does not run again.
# REBOOT in restore or prepare-each is refused: status error.
. "$TOP/tests/lib.sh"
spread_project reboot
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(grep '^boot ' .orch/logs/alpha/tests/main/four.log | tr '\n' ' ')" = "boot 0 boot 1 boot second boot 3 boot last " ] ||
	fail "SPREAD_REBOOT was not the key or the count, four times"
[ "$(grep -c 'restored once' .orch/logs/alpha/tests/main/four.log)" -eq 1 ] || fail "restore did not run once, at the end"
grep -qx 'prepare again' .orch/logs/alpha/tests/main/in-prepare.log || fail "a reboot in prepare did not resume there"
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "a container was left behind"
cd "$T"
spread_project errors
"$ORCHGEN" >/dev/null
expect_exit 1 ninja test-alpha/tests/main/reboot-in-restore
expect_output 'error: REBOOT in restore: a task reboots in its prepare or execute only'
expect_exit 1 ninja test-alpha/tests/main/reboot-in-prepare-each
expect_output 'error: REBOOT in prepare-each'
