# expect: fail turns a failure into xfail (ninja passes), a success into xpass (ninja fails).
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/fails suites/passes
printf 'expect: fail\nexecute: exit 1\n' >suites/fails/task.yaml
printf 'expect: fail\nexecute: "true"\n' >suites/passes/task.yaml
"$ORCHGEN"
expect_exit 0 ninja test-alpha/fails
grep -q '"status": "xfail"' .orch/results/alpha/fails.json || fail "fails is not xfail"
[ -f .orch/stamp/alpha/fails.ok ] || fail "an xfail has no stamp"
expect_exit 1 ninja test-alpha/passes
grep -q '"status": "xpass"' .orch/results/alpha/passes.json || fail "passes is not xpass"
[ -z "$(find .orch/stamp -name "passes*")" ] || fail "an xpass has a stamp"
