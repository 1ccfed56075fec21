# The fresh runner with the registry instead of the image cache, and no
# .orch at all: a project with a rootfs base, an image, a warm cache, a
# build and suites runs once, pushing its base and images; then every
# image the project made is removed from the engine, and a copy of the
# project at another path (new mtimes, no .orch, no build.ninja) runs
# `orchgen && ninja`: each base and image is pulled, none imported or
# built (the IDs are the pushed ones), and the run exits 0.
. "$TOP/tests/lib.sh"
start_registry
base_image
stage_project
printf '\n[project]\nregistry = %s/ci/run-%s\n' "$REGISTRY" "$RUN" >>orchgen.ini
docker_spy
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(calls push)" -eq 3 ] || fail "expected 3 pushes (alpha's base, 2 images), got $(calls push)"
for r in .orch/base/alpha .orch/image/alpha .orch/image/beta; do
	echo "$(cat "$r") $(docker image inspect -f '{{.Id}}' "$(cat "$r")")"
done >"$T/ids"

for _ in 1 2 3; do
	docker images -q --filter "label=orchgen.project=$PNAME" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
done
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME")" ] || fail "the project's images are still there"

fresh_runner "$T/fresh"
[ ! -e .orch ] || fail "the fresh runner has a .orch"
reset_calls
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(calls build)$(calls import)" = 00 ] || { cat "$T/docker.calls" >&2; fail "the fresh runner built or imported an image"; }
[ "$(calls pull)" -eq 3 ] || { cat "$T/docker.calls" >&2; fail "expected 3 pulls, got $(calls pull)"; }
[ "$(calls push)" -eq 0 ] || fail "an image that was pulled was pushed again"
while read -r tag id; do
	[ "$(docker image inspect -f '{{.Id}}' "$tag")" = "$id" ] || fail "$tag is not the image pushed"
done <"$T/ids"
[ -z "$(docker images --format '{{.Repository}}' | grep "^$REGISTRY/")" ] || fail "the registry's names were left in the engine"
