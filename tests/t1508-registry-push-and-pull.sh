# [project] registry: every image built is pushed to a real registry as
# REGISTRY/PREFIX/NAME-D:KEY; after docker rmi, the image edge pulls it
# from there: the same image ID, no build, no job again, and the name the
# registry gave it is not left in the engine.
. "$TOP/tests/lib.sh"
start_registry
base_image
project
prefix=ci/run-$RUN
printf '\n[project]\nregistry = %s/%s\n' "$REGISTRY" "$prefix" >>orchgen.ini
docker_spy
"$ORCHGEN"
ninja_ok
[ "$(calls push)" -eq 2 ] || fail "expected 2 pushes, got $(calls push)"
for d in alpha beta; do
	tag=$(cat .orch/image/$d)
	registry_get "/v2/$prefix/${tag%:*}/tags/list" | grep -q "\"${tag##*:}\"" || fail "the registry has no $prefix/$tag"
	docker image inspect -f '{{.Id}}' "$tag" >"$T/id-$d"
done
[ -z "$(docker images --format '{{.Repository}}' | grep "^$REGISTRY/")" ] || fail "the registry's names were left in the engine"
docker rmi "$(cat .orch/image/alpha)" "$(cat .orch/image/beta)" >/dev/null
reset_calls
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "an image was built, not pulled"
[ "$(calls pull)" -eq 2 ] || fail "expected 2 pulls, got $(calls pull)"
[ "$(calls push)" -eq 0 ] || fail "an image that was pulled was pushed again"
[ "$(calls run)" -eq 0 ] || fail "jobs ran again after the images were pulled"
for d in alpha beta; do
	[ "$(docker image inspect -f '{{.Id}}' "$(cat .orch/image/$d)")" = "$(cat "$T/id-$d")" ] ||
		fail "the pulled image of $d is not the one pushed"
done
[ -z "$(docker images --format '{{.Repository}}' | grep "^$REGISTRY/")" ] || fail "the registry's names were left in the engine"
