# retest-D reruns every job of D that is not manual although nothing
# changed, and no other distro's; afterwards test-D is still up to date.
. "$TOP/tests/lib.sh"
built_project
mkdir suites/main/slow
printf 'manual: true\nexecute: "true"\n' >suites/main/slow/task.yaml
ninja_ok test-alpha
[ "$(count TEST)" -eq 0 ] || fail "a second ninja test-alpha ran $(count TEST) jobs"
ninja_ok retest-alpha
[ "$(count TEST)" -eq 3 ] || { cat "$T/ninja.out"; fail "retest-alpha ran $(count TEST) jobs, expected alpha's 3"; }
! grep -q 'TEST beta' "$T/ninja.out" || fail "retest-alpha ran a job of beta"
! grep -q 'main/slow' "$T/ninja.out" || fail "retest-alpha ran a manual suite"
ninja_ok test-alpha
[ "$(count TEST)" -eq 0 ] || fail "test-alpha ran $(count TEST) jobs after a retest"
