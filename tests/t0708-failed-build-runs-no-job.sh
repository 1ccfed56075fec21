# A failed build fails test-D without running D's jobs; its log is shown;
# no stamp is written, so the next run builds again.
. "$TOP/tests/lib.sh"
base_image
stage_project
sed -i 's|^build = .*|build = echo "compiler says no" >\&2; exit 4|' orchgen.ini
"$ORCHGEN"
docker_spy
expect_exit 1 ninja test-alpha
expect_output 'compiler says no'
expect_output 'build-alpha failed (exit status 4)'
! grep -q '] TEST' "$T/out" || fail "a job ran after a failed build"
[ ! -e .orch/stage/alpha/build.ok ] || fail "a failed build left a stamp"
[ -z "$(ls .orch/results 2>/dev/null)" ] || fail "a job left a result after a failed build"
expect_exit 1 ninja test-alpha
grep -q '] BUILD alpha' "$T/out" || fail "the failed build was not retried on the next run"
