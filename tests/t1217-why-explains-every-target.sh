# orchgen why takes every target of jobs that build.ninja has: test-D,
# test-D/DIR, test-D/S, test-D/S:V; each explains the jobs it runs (the
# manual ones only when named). A name that names nothing says why.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/other/x suites/main/by-hand suites/lone/deep/y
printf 'execute: echo\n' >suites/other/x/task.yaml
printf 'execute: echo\nmanual: true\n' >suites/main/by-hand/task.yaml
printf 'execute: echo\nmanual: true\n' >suites/lone/deep/y/task.yaml
"$ORCHGEN" >/dev/null
expect_exit 0 "$ORCHGEN" why test-alpha/main
[ "$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')" = "alpha:main/hello alpha:main/vars:one alpha:main/vars:two " ] || { cat "$T/out" >&2; fail "test-alpha/main explains the wrong jobs"; }
ninja -t query test-alpha/main >/dev/null || fail "test-alpha/main is no target"
expect_exit 0 "$ORCHGEN" why test-beta
[ "$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')" = "beta:main/hello beta:main/vars:one beta:main/vars:two beta:other/x " ] || { cat "$T/out" >&2; fail "test-beta explains the wrong jobs"; }
expect_exit 0 "$ORCHGEN" why test-alpha/main/by-hand test-beta/main/vars:two alpha:main/vars
[ "$(cut -d' ' -f1 "$T/out" | tr '\n' ' ')" = "alpha:main/by-hand beta:main/vars:two alpha:main/vars:one alpha:main/vars:two " ] || { cat "$T/out" >&2; fail "a suite's and a job's targets explain the wrong jobs"; }
expect_exit 2 "$ORCHGEN" why sid:main/hello
expect_output '^orchgen: sid:main/hello: no such job: no distro "sid" in the matrix (its distros: alpha, beta)$'
expect_exit 2 "$ORCHGEN" why test-alpha/main/nope
expect_output '^orchgen: test-alpha/main/nope: no such target: no suite "main/nope": the nearest are '
expect_exit 2 "$ORCHGEN" why test-alpha/lone
expect_output '^orchgen: test-alpha/lone: no such target: every suite below lone/ on alpha is manual'
! ninja -t query test-alpha/lone >/dev/null 2>&1 || fail "test-alpha/lone is a target after all"
expect_exit 2 "$ORCHGEN" why retest-alpha/main
expect_output '^orchgen: retest-alpha/main: no such target: there is no retest-D/DIR: expected retest-alpha, or retest-alpha/SUITE of a suite below main/$'
