# A rootfs recipe becomes the distro's base: imported once, labelled with
# the project, used as BASE_IMAGE; the next run imports nothing.
. "$TOP/tests/lib.sh"
base_image
stage_project
docker_spy
"$ORCHGEN"
ninja_ok test-alpha
[ "$(calls import)" -eq 1 ] || fail "the base was imported $(calls import) times, expected once"
base=$(cat .orch/base/alpha)
case $base in "$PNAME-base-alpha:"*) ;; *) fail "unexpected base tag: $base" ;; esac
[ "$(docker image inspect -f '{{index .Config.Labels "orchgen.project"}}' "$base")" = "$PNAME" ] || fail "the base carries no project label"
grep -q "BASE_IMAGE=$base" "$T/docker.calls" || fail "the image was not built FROM the imported base"
[ ! -e .orch/stage/alpha/rootfs ] || fail "the recipe's scratch directory was left behind"
reset_calls
ninja_ok test-alpha
[ "$(calls import)" -eq 0 ] || fail "a second run imported the base again"
[ "$(calls build)" -eq 0 ] || fail "a second run rebuilt the image"
