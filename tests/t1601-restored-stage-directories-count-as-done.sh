# A fresh runner that restores only the cache and build directories (no
# run state: no stamps, no .ninja_log), at another path with new mtimes,
# warms nothing and builds nothing: each directory carries the stamp of
# the stage that filled it. The jobs, whose stamps were not restored, run
# and see what was restored.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
ci_save stages .orch/cache .orch/build
fresh_runner "$T/fresh"
ci_restore stages
docker_spy
"$ORCHGEN"
ninja_ok
[ "$(stage_runs warm)" -eq 0 ] || fail "a restored cache was warmed again"
[ "$(stage_runs build)" -eq 0 ] || fail "a restored build directory was built again"
[ "$(count TEST)" -eq 6 ] || fail "ran $(count TEST) jobs, expected all 6 (no job stamp was restored)"
[ "$(grep -c . .orch/cache/dl/alpha/warm.log)" -eq 1 ] || fail "alpha's cache was warmed twice"
ninja_ok
[ "$(count WARM)$(count BUILD)$(count TEST)" = 000 ] || fail "a second ninja ran something"
