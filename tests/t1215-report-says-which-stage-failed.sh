# Jobs that have no result because a stage of their distro failed are
# reported as not run because that stage failed, with its log, in every
# format, and still fail the report; the mark that says so survives gc
# and goes once the stage succeeds. A job whose result is older than its
# distro's failed stage did not run since: not run too, never its old pass.
. "$TOP/tests/lib.sh"
base_image
project
printf 'RUN [ "$FLAVOUR" != beta ]\n' >>docker/Dockerfile
"$ORCHGEN" >/dev/null
ninja -k 0 >"$T/ninja.out" 2>&1 && fail "a failing image build passed"
expect_exit 0 "$ORCHGEN" gc
[ -f .orch/stage/beta/image.failed ] || fail "no mark of the failed image (or gc removed it)"
expect_exit 1 "$ORCHGEN" report --json=r.json --junit=r.xml --html=r.html
expect_output '^beta   3 not run$'
expect_output '^  beta:main/hello  not run: image-beta failed (exit status 1)$'
expect_output '^      log: .orch/stage/beta/image.log$'
! grep -q 'no result yet' "$T/out" || fail "the report says the jobs have no result yet, not that the image failed"
grep -q '"job": "beta:main/hello",.*"status": "not run",.*"reason": "image-beta failed (exit status 1)",.*"log": ".orch/stage/beta/image.log"' r.json ||
	fail "the JSON does not say the image failed"
grep -q '<error type="not run" message="not run: image-beta failed (exit status 1)">' r.xml || fail "the JUnit does not say the image failed"
grep -q 'full log: .orch/stage/beta/image.log' r.xml || fail "the JUnit lacks the image's log"
grep -q 'image-beta failed (exit status 1). <a href=".orch/stage/beta/image.log">' r.html || fail "the HTML page does not say the image failed"
# The image fixed, the build stage fails on beta: that is the reason now.
sed -i '$d' docker/Dockerfile
printf '[project]\nbuild = [ "$ORCHGEN_DISTRO" != beta ]\n' >>orchgen.ini
"$ORCHGEN" >/dev/null
ninja -k 0 >"$T/ninja.out" 2>&1 && fail "a failing build stage passed"
[ ! -e .orch/stage/beta/image.failed ] || fail "the image's mark stayed after it was built"
expect_exit 1 "$ORCHGEN" report beta
expect_output '^  beta:main/hello  not run: build-beta failed (exit status 1)$'
expect_output '^      log: .orch/stage/beta/build.log$'
sed -i '$d' orchgen.ini
printf 'build = true\n' >>orchgen.ini
"$ORCHGEN" >/dev/null
ninja_ok
[ ! -e .orch/stage/beta/build.failed ] || fail "the build's mark stayed after it succeeded"
expect_exit 0 "$ORCHGEN" report
printf 'RUN [ "$FLAVOUR" != beta ]\n' >>docker/Dockerfile
"$ORCHGEN" >/dev/null
ninja -k 0 >"$T/ninja.out" 2>&1 && fail "a failing image build passed"
expect_exit 1 "$ORCHGEN" report
expect_output '^  beta:main/hello  not run: image-beta failed (exit status 1); its last result, pass, is from an earlier run$'
expect_output '^alpha  3 pass$'
