# orchgen report --junit writes JUnit XML that a real consumer reads: a
# testsuite per distro, a testcase per job (classname its suite, name the
# job), a failure with the reason and the log's tail, skipped with the
# reason, times; the log's control bytes and markup come out well-formed.
# (Debian's python3 and python3-junitparser, whatever python3 is first on PATH.)
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 "$ORCHGEN" report --junit=out/report.xml
/usr/bin/python3 - out/report.xml <<'PY' || fail "junitparser does not read the report as it should"
import sys
from junitparser import JUnitXml, Failure, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
suites = {s.name: s for s in xml}
assert sorted(suites) == ["alpha", "beta"], suites
alpha = suites["alpha"]
assert (alpha.tests, alpha.failures, alpha.skipped) == (3, 1, 1), (alpha.tests, alpha.failures, alpha.skipped)
cases = {c.name: c for c in alpha}
assert set(cases) == {"alpha:broken", "alpha:main/hello", "alpha:skipped"}, cases
broken = cases["alpha:broken"]
assert broken.classname == "broken"
failure = broken.result[0]
assert isinstance(failure, Failure), broken.result
assert failure.message == "fail: execute failed (exit status 1)", failure.message
assert "about to break <&> on alpha" in failure.text, failure.text
assert "debug-output" not in failure.text, "the debug section pushed into the tail"
assert broken.time > 0
skipped = cases["alpha:skipped"].result[0]
assert isinstance(skipped, Skipped) and skipped.message == "not wanted here", skipped
assert cases["alpha:main/hello"].result == []
PY
