# artifacts: copied out of the container to .orch/artifacts/D/S[:V]/ after
# execute, pass or fail, owned by the user who ran orchgen; an earlier
# run's artifacts do not survive.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/keep suites/broken
cat >suites/keep/task.yaml <<'YAML'
artifacts: [/tmp/report.txt, /tmp/logs, missing.txt]
execute: |
  mkdir -p /tmp
  echo "report of $ORCHGEN_DISTRO" >/tmp/report.txt
  mkdir -p /tmp/logs/deep && echo deep >/tmp/logs/deep/x.log
restore: rm -f /tmp/report.txt
YAML
cat >suites/broken/task.yaml <<'YAML'
artifacts: [/tmp/why.txt]
execute: |
  mkdir -p /tmp
  echo "it broke" >/tmp/why.txt
  exit 1
YAML
"$ORCHGEN"
expect_exit 1 ninja -k 0 test-alpha
grep -q '"status": "pass"' .orch/results/alpha/keep.json || fail "keep did not pass"
a=.orch/artifacts/alpha
grep -qx 'report of alpha' $a/keep/tmp/report.txt || fail "report.txt was not collected before restore"
grep -qx deep $a/keep/tmp/logs/deep/x.log || fail "a directory was not collected"
grep -q 'artifact missing.txt: no such file' .orch/logs/alpha/keep.log || fail "a missing artifact was not noted in the log"
grep -qx 'it broke' $a/broken/tmp/why.txt || fail "a failed job's artifact was not collected"
touch $a/keep/stale
sed -i 's/^execute: |/&\n  : changed/' suites/keep/task.yaml
ninja_ok test-alpha/keep
[ ! -e $a/keep/stale ] || fail "the last run's artifacts survived"
