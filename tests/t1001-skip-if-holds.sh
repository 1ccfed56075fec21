# skip: the first entry whose `if` holds in the container skips the job
# with its reason, before prepare runs; a skip passes and is not rerun.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/skipped suites/runs
cat >suites/skipped/task.yaml <<'YAML'
skip:
  - reason: never on beta
    if: '[ "$ORCHGEN_DISTRO" = beta ]'
  - reason: busybox has no apt
    if: '! command -v apt-get'
prepare: echo mark-prepare
execute: echo mark-execute
YAML
cat >suites/runs/task.yaml <<'YAML'
skip:
  - reason: not here
    if: 'false'
execute: echo mark-execute
YAML
"$ORCHGEN"
ninja_ok all-distros
grep -q '"status": "skip"' .orch/results/alpha/skipped.json || fail "alpha:skipped is not a skip"
grep -q '"reason": "busybox has no apt"' .orch/results/alpha/skipped.json || fail "alpha's reason is not the entry that held"
grep -q '"reason": "never on beta"' .orch/results/beta/skipped.json || fail "beta's reason is not the first entry that held"
grep -q 'alpha:skipped: skip: busybox has no apt' "$T/ninja.out" || fail "the skip was not reported"
! grep -q mark- .orch/logs/alpha/skipped.log || fail "a skipped job ran its sections"
grep -q '"status": "pass"' .orch/results/alpha/runs.json || fail "a false condition skipped the job"
grep -q mark-execute .orch/logs/alpha/runs.log || fail "alpha:runs did not run"
ninja_ok all-distros
[ "$(count TEST)" -eq 0 ] || fail "a skipped job ran again with nothing changed"
