# test-D/DIR runs every suite below DIR on D, as spread's D:DIR/... would;
# a job that a suite's systems leave out is explained, not only unknown.
. "$TOP/tests/lib.sh"
base_image
project
mkdir -p suites/main/alpha-only suites/other/c
printf 'systems: [alpha]\nexecute: true\n' >suites/main/alpha-only/task.yaml
printf 'execute: true\n' >suites/other/c/task.yaml
"$ORCHGEN"
ninja_ok test-beta/main
[ "$(count TEST)" -eq 3 ] || fail "test-beta/main ran $(count TEST) jobs, expected hello and both variants"
! grep -q 'TEST alpha:\|other/c' "$T/ninja.out" || fail "test-beta/main ran other jobs"
expect_exit 2 "$ORCHGEN" list beta:main/alpha-only
expect_output 'filter "beta:main/alpha-only" matches no job: beta:main/alpha-only is no job, as the suite.s systems leave that distro out'
expect_exit 2 "$ORCHGEN" why test-beta/main/alpha-only
expect_output 'test-beta/main/alpha-only: no such job: the systems of suites/main/alpha-only/task.yaml (line 1) leave distro beta out'
