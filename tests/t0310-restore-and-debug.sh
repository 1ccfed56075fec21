# prepare, a failing execute, then debug, then restore; a failing restore fails the job.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/order suites/badrestore
cat >suites/order/task.yaml <<'YAML'
prepare: echo mark-prepare
execute: |
  echo mark-execute
  exit 1
debug: echo mark-debug
restore: echo mark-restore
YAML
cat >suites/badrestore/task.yaml <<'YAML'
execute: echo mark-execute
restore: exit 1
YAML
"$ORCHGEN"
expect_exit 1 ninja -k 0 test-alpha
order=$(grep '^mark-' .orch/logs/alpha/order.log | tr '\n' ' ')
[ "$order" = "mark-prepare mark-execute mark-debug mark-restore " ] || fail "sections ran as: $order"
grep -q '"status": "fail"' .orch/results/alpha/badrestore.json || fail "a failing restore did not fail the job"
grep -q mark-execute .orch/logs/alpha/badrestore.log || fail "badrestore's execute did not run"
[ -z "$(find .orch/stamp -name "badrestore*" 2>/dev/null)" ] || fail "badrestore has a stamp"
