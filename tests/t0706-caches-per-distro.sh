# A per-distro cache is one directory per distro; a shared one (per-distro
# = no) is one directory that every distro's containers see.
. "$TOP/tests/lib.sh"
base_image
stage_project
cat >>orchgen.ini <<'INI'

[cache shared]
path = /var/cache/shared
per-distro = no
warm = echo "$ORCHGEN_DISTRO" >>/var/cache/shared/who
INI
"$ORCHGEN"
ninja_ok warm
grep -qx 'warmed alpha' .orch/cache/dl/alpha/warm.log || fail "alpha's cache was not warmed by alpha"
! grep -q beta .orch/cache/dl/alpha/warm.log || fail "beta wrote into alpha's cache"
grep -qx 'warmed beta' .orch/cache/dl/beta/warm.log || fail "beta's cache was not warmed by beta"
[ "$(sort .orch/cache/shared/who | tr '\n' ' ')" = "alpha beta " ] || fail "the shared cache is not one directory for both"
[ ! -e .orch/cache/shared/alpha ] || fail "a shared cache got a per-distro directory"
