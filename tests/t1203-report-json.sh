# orchgen report --json writes every job's result and the counts.
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 "$ORCHGEN" report --json=report.json
python3 - <<'PY' || fail "the JSON report is not as expected"
import json
r = json.load(open("report.json"))
jobs = {j["job"]: j for j in r["jobs"]}
assert len(jobs) == 6, jobs
assert jobs["beta:broken"]["status"] == "fail" and jobs["beta:broken"]["phase"] == "execute"
assert jobs["beta:skipped"]["reason"] == "not wanted here"
assert r["counts"]["pass"] == 2 and r["counts"]["fail"] == 2 and r["counts"]["skip"] == 2, r["counts"]
assert r["ok"] is False
PY
