# samples: N runs of the job, each in a fresh container; all must pass, and
# the first that fails ends the job with its sample number.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/thrice suites/flaky
cat >>orchgen.ini <<'INI'

[cache count]
path = /count
INI
cat >suites/thrice/task.yaml <<'YAML'
samples: 3
execute: |
  hostname >>/count/thrice
YAML
cat >suites/flaky/task.yaml <<'YAML'
samples: 3
execute: |
  echo run >>/count/flaky
  [ "$(wc -l </count/flaky)" -lt 2 ]
YAML
"$ORCHGEN"
expect_exit 1 ninja -k 0 test-alpha
[ "$(wc -l <.orch/cache/count/alpha/thrice)" -eq 3 ] || fail "thrice ran $(wc -l <.orch/cache/count/alpha/thrice) times"
[ "$(sort -u .orch/cache/count/alpha/thrice | wc -l)" -eq 3 ] || fail "the samples shared a container"
grep -q '"status": "pass"' .orch/results/alpha/thrice.json || fail "thrice did not pass"
grep -q '"samples": 3' .orch/results/alpha/thrice.json || fail "thrice's result does not count 3 samples"
[ "$(grep -c '^=== sample' .orch/logs/alpha/thrice.log)" -eq 3 ] || fail "the log does not hold every sample"
[ "$(wc -l <.orch/cache/count/alpha/flaky)" -eq 2 ] || fail "flaky ran on after its failing sample"
grep -q '"reason": "sample 2 of 3: execute failed"' .orch/results/alpha/flaky.json || fail "flaky's result does not name sample 2"
expect_output 'alpha:flaky: fail: sample 2 of 3'
