# manual: true keeps a suite out of test-D and all-distros; naming its
# target runs it.
. "$TOP/tests/lib.sh"
base_image
project
mkdir -p suites/by-hand
printf 'manual: true\nexecute: echo mark-manual\n' >suites/by-hand/task.yaml
"$ORCHGEN"
ninja_ok all-distros
! grep -q 'by-hand' "$T/ninja.out" || fail "a manual suite ran in all-distros"
ninja_ok test-alpha/by-hand
[ "$(count TEST)" -eq 1 ] || fail "naming it did not run it"
grep -qx mark-manual .orch/logs/alpha/by-hand.log || fail "no log"
