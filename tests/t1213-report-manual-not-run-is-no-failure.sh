# A manual job that was not named has no result and fails nothing: the
# report counts it apart (manual), exit 0, in every format and through
# ninja report; named as a filter that selects only manual jobs, it is not
# run and fails; once named and run, it counts by its result.
. "$TOP/tests/lib.sh"
base_image
project
mkdir -p suites/manualone
printf 'manual: true\nexecute: echo x\n' >suites/manualone/task.yaml
"$ORCHGEN"
ninja_ok
expect_exit 0 "$ORCHGEN" report --json=r.json --junit=r.xml --html=r.html
expect_output '^alpha  3 pass  1 manual$'
expect_output '^manual: 2 jobs not run, as a manual suite runs only when named'
expect_output '^8 jobs: 6 pass, 2 manual in '
! grep -q '^failed:\|not run: no result' "$T/out" || fail "a manual job not named is reported as failed"
grep -q '"manual": 2}' r.json && grep -q '"ok": true' r.json || fail "the JSON counts the manual jobs as failed: $(cat r.json)"
grep -q '"job": "alpha:manualone",.*"status": "not run",.*"reason": "manual: it runs only when named (ninja test-alpha/manualone)"' r.json ||
	fail "the JSON does not say why alpha:manualone did not run"
grep -q 'errors="0" skipped="2"' r.xml || fail "the JUnit counts the manual jobs as errors"
grep -q '<title>orchgen: every job passed' r.html || fail "the HTML page says some jobs failed"
ninja report >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "ninja report failed on a manual job"; }
# What a shard runs leaves the manual jobs out too; its merged report passes.
! "$ORCHGEN" list --shard=1/1 --targets | grep -q manualone || fail "a shard runs the manual job"
expect_exit 0 "$ORCHGEN" report --results=.orch/results
# Named alone, a manual job is held to a result.
expect_exit 1 "$ORCHGEN" report alpha:manualone
expect_output '^  alpha:manualone  not run$'
expect_exit 0 "$ORCHGEN" report alpha alpha:manualone
ninja_ok test-alpha/manualone
expect_exit 0 "$ORCHGEN" report alpha:manualone
expect_output '^1 job: 1 pass in '
expect_exit 0 "$ORCHGEN" report
expect_output '^alpha  4 pass$'
expect_output '^8 jobs: 7 pass, 1 manual in '
