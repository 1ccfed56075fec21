# [project] prepare-each, restore-each and debug-each run around every job:
# prepare-each first, debug-each on failure before the task's debug,
# restore-each last, after the task's restore.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/ok suites/bad
sed -i 's/^jobs = 2/&\nprepare-each = echo mark-prepare-each\nrestore-each = echo mark-restore-each\ndebug-each = echo mark-debug-each/' orchgen.ini
printf 'execute: echo mark-execute\nrestore: echo mark-restore\n' >suites/ok/task.yaml
printf 'execute: exit 1\ndebug: echo mark-debug\nrestore: echo mark-restore\n' >suites/bad/task.yaml
"$ORCHGEN"
expect_exit 1 ninja -k 0 test-alpha
ok=$(grep '^mark-' .orch/logs/alpha/ok.log | tr '\n' ' ')
[ "$ok" = "mark-prepare-each mark-execute mark-restore mark-restore-each " ] || fail "ok ran: $ok"
bad=$(grep '^mark-' .orch/logs/alpha/bad.log | tr '\n' ' ')
[ "$bad" = "mark-prepare-each mark-debug-each mark-debug mark-restore mark-restore-each " ] || fail "bad ran: $bad"
