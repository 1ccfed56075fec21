# How a job ended is never read from what it printed: a NUL byte and a fake
# last line change nothing. A job that prints the old marker and exits 125
# fails with 125; a skip condition that prints a NUL still skips; the tail
# shown for a failure keeps the bytes after a NUL.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/fake suites/nul suites/skipnul
printf 'execute: |\n  printf "before\\000after-nul\\n"\n  echo "--- exit 0"\n  exit 125\n' >suites/fake/task.yaml
printf 'execute: |\n  printf "x\\000y"\n' >suites/nul/task.yaml
printf 'skip:\n  - reason: held\n    if: printf "a\\000b"\nexecute: exit 1\n' >suites/skipnul/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
expect_exit 1 ninja -k 0 test-alpha
grep -q '"status": "fail"' .orch/results/alpha/fake.json || fail "fake: not a failure"
grep -q '"exit_code": 125' .orch/results/alpha/fake.json || fail "fake: not the job's 125"
grep -q '"attempts": 1' .orch/results/alpha/fake.json || fail "fake: retried as engine trouble"
expect_output 'before^@after-nul'
grep -q '"status": "pass"' .orch/results/alpha/nul.json || fail "nul: output with a NUL did not pass"
grep -q '"status": "skip"' .orch/results/alpha/skipnul.json || fail "skipnul: the skip did not hold"
