# A base imported from a rootfs recipe travels with its image: both are
# saved; once both are gone from the engine, the base edge loads the base
# (the same ID, so the image's tag is the same) and the image edge the
# image: no recipe, no import, no build, and no stage or job runs again.
. "$TOP/tests/lib.sh"
base_image
stage_project
printf '\n[project]\nimage-cache = %s\n' "$T/images" >>orchgen.ini
docker_spy
"$ORCHGEN"
ninja_ok test-alpha
base=$(cat .orch/base/alpha) image=$(cat .orch/image/alpha)
for tag in "$base" "$image"; do
	[ -s "$T/images/${tag%:*}/${tag##*:}.tar" ] || fail "no archive of $tag"
done
base_id=$(docker image inspect -f '{{.Id}}' "$base")
image_id=$(docker image inspect -f '{{.Id}}' "$image")
docker rmi "$image" "$base" >/dev/null
reset_calls
ninja_ok test-alpha
[ "$(calls import)" -eq 0 ] || fail "the base was imported again"
[ "$(calls build)" -eq 0 ] || fail "the image was built again"
[ "$(calls load)" -eq 2 ] || fail "expected 2 loads, the base's and the image's, got $(calls load)"
[ "$(calls run)" -eq 0 ] || fail "a stage or a job ran again"
[ "$(cat .orch/image/alpha)" = "$image" ] || fail "the image's tag changed"
[ "$(docker image inspect -f '{{.Id}}' "$base")" = "$base_id" ] || fail "the loaded base is not the one saved"
[ "$(docker image inspect -f '{{.Id}}' "$image")" = "$image_id" ] || fail "the loaded image is not the one saved"
