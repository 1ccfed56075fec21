# --distros narrows the jobs, not the matrix the systems patterns are checked against: no warning.
. "$TOP/tests/lib.sh"
project
printf 'execute: echo\nsystems: [beta]\n' >suites/main/hello/task.yaml
expect_exit 0 "$ORCHGEN" --distros=alpha list
! grep -q 'matches no distro' "$T/out" || { cat "$T/out" >&2; fail "a pattern matching a dropped distro warned"; }
! grep -q 'main/hello' "$T/out" || fail "main/hello was listed on alpha"
expect_exit 0 "$ORCHGEN" --distros=alpha
! grep -q 'matches no distro' "$T/out" || fail "generating warned"
