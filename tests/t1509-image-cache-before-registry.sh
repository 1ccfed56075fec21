# With an image cache and a registry, a missing tag is loaded from the
# cache, pulled from the registry only when the cache has no archive of it
# (and then saved there), and built only when neither has it.
. "$TOP/tests/lib.sh"
start_registry
base_image
project
printf '\n[project]\nimage-cache = %s\nregistry = %s/ci\n' "$T/images" "$REGISTRY" >>orchgen.ini
docker_spy
"$ORCHGEN"
ninja_ok images
[ "$(calls build)" -eq 2 ] && [ "$(calls save)" -eq 2 ] && [ "$(calls push)" -eq 2 ] ||
	fail "expected 2 builds, saves and pushes, got $(calls build), $(calls save), $(calls push)"
tag=$(cat .orch/image/alpha)
archive=$T/images/${tag%:*}/${tag##*:}.tar
docker rmi "$tag" >/dev/null
reset_calls
ninja_ok images
[ "$(calls load)" -eq 1 ] && [ "$(calls pull)" -eq 0 ] || fail "expected a load and no pull, got $(calls load) and $(calls pull)"
docker rmi "$tag" >/dev/null
rm "$archive"
reset_calls
ninja_ok images
[ "$(calls load)" -eq 0 ] && [ "$(calls pull)" -eq 1 ] || fail "expected a pull and no load, got $(calls pull) and $(calls load)"
[ "$(calls save)" -eq 1 ] || fail "the pulled image was not saved to the image cache"
[ "$(calls push)" -eq 0 ] && [ "$(calls build)" -eq 0 ] || fail "the pulled image was built or pushed"
[ -s "$archive" ] || fail "no archive of the pulled image"
