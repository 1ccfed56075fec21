# An engine that lacks a job's image loads it from the image cache
# (docker load of the archive through that engine), not streamed from
# the local default: the far engine gets the image that was saved, the
# log says where it came from, no save is made to move it, and the jobs
# pass there.
. "$TOP/tests/lib.sh"
base_image
project
second_engine
cat >>orchgen.ini <<INI

[project]
image-cache = $T/images
INI
engines_ini 0 2
docker_spy
"$ORCHGEN" >/dev/null
ninja_ok
[ "$(calls save)" -eq 2 ] || fail "expected the 2 saves of the image cache, got $(calls save)"
grep -q "^-H .* load -i " "$T/docker.calls" || fail "nothing was loaded into the far engine: $(cat "$T/docker.calls")"
for d in alpha beta; do
	tag=$(cat .orch/image/$d)
	[ "$(docker2 image inspect -f '{{.Id}}' "$tag")" = "$(docker image inspect -f '{{.Id}}' "$tag")" ] ||
		fail "the far engine's $tag is not the image saved"
done
grep -l "streaming" .orch/logs/*/*.log .orch/logs/*/*/*.log 2>/dev/null | grep . && fail "an image was streamed, not loaded from the cache"
grep -L '"status": "pass"' .orch/results/*/*.json .orch/results/*/*/*.json 2>/dev/null | grep . && fail "a job did not pass"
cat .orch/results/*/*.json .orch/results/*/*/*.json 2>/dev/null | grep -q '"engine": "far"' || fail "no job ran on the far engine"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
