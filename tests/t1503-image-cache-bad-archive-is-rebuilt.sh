# An archive that does not load as its tag (truncated, corrupt, or another
# image's) is said, removed, and the image built instead; the new image's
# archive takes its place.
. "$TOP/tests/lib.sh"
base_image
project
printf '\n[project]\nimage-cache = %s\n' "$T/images" >>orchgen.ini
"$ORCHGEN"
ninja_ok images
tag=$(cat .orch/image/alpha) other=$(cat .orch/image/beta)
archive=$T/images/${tag%:*}/${tag##*:}.tar
docker_spy
for damage in truncated corrupt another; do
	size=$(stat -c %s "$archive")
	case $damage in
	truncated) head -c $((size / 2)) "$archive" >"$T/cut" && mv "$T/cut" "$archive" ;;
	corrupt) head -c 1024 /dev/urandom | dd of="$archive" conv=notrunc 2>/dev/null ;;
	another) cp "$T/images/${other%:*}/${other##*:}.tar" "$archive" ;;
	esac
	docker rmi "$tag" >/dev/null
	reset_calls
	ninja image-alpha >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "ninja failed on a $damage archive"; }
	grep -q "$archive does not load as $tag (.*): a truncated or corrupt archive, removed" "$T/ninja.out" ||
		{ cat "$T/ninja.out" >&2; fail "no warning about the $damage archive"; }
	[ "$(calls load)" -eq 1 ] || fail "$damage: expected 1 load, got $(calls load)"
	[ "$(calls build)" -eq 1 ] || fail "$damage: the image was not built instead"
	[ "$(calls save)" -eq 1 ] || fail "$damage: no new archive was saved"
	[ "$(cat .orch/image/alpha)" = "$tag" ] || fail "$damage: the tag changed"
	id=$(docker image inspect -f '{{.Id}}' "$tag")
	docker rmi "$tag" >/dev/null
	docker load -i "$archive" >/dev/null || fail "$damage: the new archive does not load"
	[ "$(docker image inspect -f '{{.Id}}' "$tag")" = "$id" ] || fail "$damage: the new archive holds another image"
done

# The bad archive goes before the build: when the build fails too, it is
# not there to fail the next run's load again.
head -c 1000 "$archive" >"$T/cut" && mv "$T/cut" "$archive"
docker rmi "$tag" >/dev/null
mkdir "$T/nobuild"
printf '#!/bin/sh\n[ "$1" != build ] || exit 1\nexec "%s" "$@"\n' "$T/bin/docker" >"$T/nobuild/docker"
chmod +x "$T/nobuild/docker"
PATH="$T/nobuild:$PATH" ninja image-alpha >"$T/ninja.out" 2>&1 && fail "the image edge passed with a build that fails"
[ ! -e "$archive" ] || fail "the bad archive is still there"
