# --format=targets prints the Ninja targets of the selected jobs, for `ninja $(...)`;
# manual jobs only when nothing else was selected, as in spread.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/main/by-hand
printf 'execute: echo\nmanual: true\n' >suites/main/by-hand/task.yaml
"$ORCHGEN"
[ "$("$ORCHGEN" list --format=targets 'beta:main/...' | tr '\n' ' ')" = "test-beta/main/hello test-beta/main/vars:one test-beta/main/vars:two " ] || fail "beta:main/... gives the wrong targets"
[ "$("$ORCHGEN" list --format=targets 'beta:main/by-hand')" = "test-beta/main/by-hand" ] || fail "a manual job named alone gives no target"
ninja -t query $("$ORCHGEN" list --format=targets) >"$T/query" 2>&1 || { cat "$T/query" >&2; fail "a target is not in build.ninja"; }
