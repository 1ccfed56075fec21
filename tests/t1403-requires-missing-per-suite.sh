# requires-missing: skip|error in a task overrides the project's
# missing-feature for that suite; changing it reruns that suite's jobs
# only.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
mkdir -p suites/optional
printf 'requires: [gpu]\nrequires-missing: skip\nexecute: true\n' >suites/optional/task.yaml
mkdir -p suites/needs
printf 'requires: [gpu]\nexecute: true\n' >suites/needs/task.yaml
"$ORCHGEN" --distros=alpha
expect_exit 1 ninja -k 0
grep -q '"status": "skip"' .orch/results/alpha/optional.json || fail "requires-missing: skip did not skip"
grep -q '"status": "error"' .orch/results/alpha/needs.json || fail "the project default did not hold for the other suite"
rm -r suites/needs
ninja_ok
printf 'requires: [gpu]\nrequires-missing: error\nexecute: true\n' >suites/optional/task.yaml
expect_exit 1 ninja -k 0
grep -q '"status": "error"' .orch/results/alpha/optional.json || fail "requires-missing: error did not fail the job"
grep -q 'TEST alpha:optional' "$T/out" || fail "the changed suite did not run again"
! grep -q 'TEST alpha:main/hello' "$T/out" || fail "a suite the change did not touch ran again"
printf 'requires-missing: sometimes\nexecute: true\n' >suites/optional/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output 'suites/optional/task.yaml:1:19: requires-missing: expected "skip" or "error", got "sometimes"'
