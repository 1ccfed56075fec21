# orchgen why of a group target covers exactly the jobs that target runs:
# test-D and test-D/DIR leave manual jobs out, test-D/S of a manual suite
# names it; there is no retest-D/DIR.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/main/byhand
printf 'manual: true\nexecute: echo x\n' >suites/main/byhand/task.yaml
expect_exit 0 "$ORCHGEN" why test-alpha
! grep -q byhand "$T/out" || fail "why test-alpha names a manual job that test-alpha does not run"
[ "$(grep -c 'has never run' "$T/out")" -eq 3 ] || fail "why test-alpha: expected hello and both variants"
expect_exit 0 "$ORCHGEN" why retest-alpha
! grep -q byhand "$T/out" || fail "why retest-alpha names a manual job"
expect_exit 0 "$ORCHGEN" why test-alpha/main
[ "$(grep -c '^alpha:main/.* has never run' "$T/out")" -eq 3 ] && ! grep -q byhand "$T/out" ||
	fail "why test-alpha/main does not cover what that target runs"
expect_exit 0 "$ORCHGEN" why test-alpha/main/byhand
expect_output '^alpha:main/byhand has never run$'
expect_exit 2 "$ORCHGEN" why retest-alpha/main
