# A cache or build directory restored under a stale key (its stage's
# inputs changed since) is warmed or built again, over what it holds: the
# stage is incremental, not skipped and not started from nothing.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
echo 'only in the first build' >.orch/build/beta/old.txt
ci_save stages .orch/cache .orch/build
echo v2 >lock.txt
echo 'product 2' >src/product.txt
fresh_runner "$T/fresh"
ci_restore stages
docker_spy
"$ORCHGEN"
ninja_ok
[ "$(stage_runs warm)" -eq 2 ] || fail "warmed $(stage_runs warm) times, expected once per distro"
[ "$(stage_runs build)" -eq 2 ] || fail "built $(stage_runs build) times, expected once per distro"
[ "$(grep -c 'warmed alpha' .orch/cache/dl/alpha/warm.log)" -eq 2 ] || fail "alpha's cache was not warmed over what it held"
grep -qx v2 .orch/cache/dl/alpha/lock || fail "the cache holds the old lock file"
grep -qx 'product 2' .orch/build/beta/product.txt || fail "the build directory holds the old product"
[ -f .orch/build/beta/old.txt ] || fail "the build started from an empty directory"
ninja_ok
[ "$(count WARM)$(count BUILD)$(count TEST)" = 000 ] || fail "a second ninja ran something"
