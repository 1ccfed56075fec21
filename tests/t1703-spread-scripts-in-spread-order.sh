# The scripts of every level run in spread's order, each where spread runs
# it (the project's in its path, the others in the task's directory); on a
# failure the debug scripts run, then every restore (a failed project prepare:
# its debug, then its restore).
. "$TOP/tests/lib.sh"
spread_project scripts
"$ORCHGEN" >/dev/null
ninja_ok
cat >"$T/want" <<'LOG'
--- project-prepare
project prepare in /srv/scripts
backend prepare
--- suite-prepare
suite prepare in /srv/scripts/tests/main/passes
--- prepare-each
project prepare-each in /srv/scripts/tests/main/passes
backend prepare-each
suite prepare-each
--- prepare
task prepare in /srv/scripts/tests/main/passes
--- execute
task execute
--- restore
task restore
--- restore-each
suite restore-each
backend restore-each
project restore-each
--- suite-restore
suite restore
--- project-restore
backend restore
project restore in /srv/scripts
LOG
diff -u "$T/want" .orch/logs/alpha/tests/main/passes.log || fail "the scripts of a passing job ran otherwise"
expect_exit 1 ninja test-alpha/tests/main/fails
sed -n '/^--- execute/,$p' .orch/logs/alpha/tests/main/fails.log >"$T/got"
cat >"$T/want" <<'LOG'
--- execute
task execute
--- debug
task debug
suite debug-each
backend debug-each
project debug-each
--- restore
task restore
--- restore-each
suite restore-each
backend restore-each
project restore-each
--- suite-restore
suite restore
--- project-restore
backend restore
project restore in /srv/scripts
LOG
diff -u "$T/want" "$T/got" || fail "a failed job's debug and restore scripts ran otherwise"
expect_exit 1 ninja test-alpha/tests/main/project-prepare-fails
cat >"$T/want" <<'LOG'
--- project-prepare
project prepare in /srv/scripts
--- project-debug
project debug
--- project-restore
backend restore
project restore in /srv/scripts
LOG
diff -u "$T/want" .orch/logs/alpha/tests/main/project-prepare-fails.log || fail "a failed project prepare ran other scripts than its debug and restore"
