# [project] image-cache: every image built is saved there, one archive per
# tag (DIR/REPOSITORY/KEY.tar), whatever its path holds (given with -D, it
# is on every edge's command line); after docker rmi, the image edge loads
# it from there: the same image ID, no build, and no job runs again.
. "$TOP/tests/lib.sh"
base_image
project
cache="$T/image cache \$HOME 'q' \"dq\""
docker_spy
"$ORCHGEN" -D "project.image-cache=$cache"
ninja_ok
[ "$(calls save)" -eq 2 ] || fail "expected 2 saves, got $(calls save)"
for d in alpha beta; do
	tag=$(cat .orch/image/$d)
	[ -s "$cache/${tag%:*}/${tag##*:}.tar" ] || fail "no archive of $tag in $cache"
	docker image inspect -f '{{.Id}}' "$tag" >"$T/id-$d"
done
[ -z "$(find "$cache" -name '*.tmp*')" ] || fail "a temporary was left in the image cache"
docker rmi "$(cat .orch/image/alpha)" "$(cat .orch/image/beta)" >/dev/null
reset_calls
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "an image was built, not loaded"
[ "$(calls load)" -eq 2 ] || fail "expected 2 loads, got $(calls load)"
[ "$(calls save)" -eq 0 ] || fail "an archive that was there was saved again"
[ "$(calls run)" -eq 0 ] || fail "jobs ran again after the images were loaded"
for d in alpha beta; do
	[ "$(docker image inspect -f '{{.Id}}' "$(cat .orch/image/$d)")" = "$(cat "$T/id-$d")" ] ||
		fail "the loaded image of $d is not the one saved"
done
