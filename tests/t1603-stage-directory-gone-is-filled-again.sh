# A cache or build directory that is gone (a CI cache entry that was not
# restored, or evicted) is filled again, though the run state says the
# stage ran: the stamp it carries is an output of the stage.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
rm -rf .orch/build/beta
ninja_ok
[ "$(count BUILD)" -eq 1 ] || fail "built $(count BUILD) times, expected beta's build once"
grep -qx 'built for beta' .orch/build/beta/distro || fail "beta's build directory was not filled again"
rm -rf .orch/cache/dl/alpha
ninja_ok
[ "$(count WARM)" -eq 1 ] || fail "warmed $(count WARM) times, expected alpha's warm once"
grep -qx 'warmed alpha' .orch/cache/dl/alpha/warm.log || fail "alpha's cache was not warmed again"
