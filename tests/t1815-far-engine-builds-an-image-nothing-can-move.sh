# An image that no image cache, registry or engine has (the local default
# lost it after its image edge ran) is built on the engine that needs it,
# as its image edge builds it, through that engine: never here, never
# streamed; labelled for the project, and the job passes there.
. "$TOP/tests/lib.sh"
base_image
project
second_engine
load_base2
engines_ini 0 2
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok
tag=$(cat .orch/image/alpha)
docker2 rmi "$tag" >/dev/null
docker rmi "$tag" >/dev/null
docker_spy
cmd=$(ninja -t commands test-alpha/main/hello | grep " test " | tail -n 1)
sh -c "$cmd" >"$T/out" 2>&1 || fail "the job failed: $(cat "$T/out" .orch/logs/alpha/main/hello.log)"
[ "$(docker2 image inspect -f '{{index .Config.Labels "orchgen.project"}}' "$tag")" = "$PNAME" ] ||
	fail "the far engine has no $tag labelled for the project"
grep -q "^-H .* build .* -t $tag " "$T/docker.calls" || fail "$tag was not built through the far engine: $(cat "$T/docker.calls")"
[ "$(calls build)" -eq 0 ] || fail "an image was built here"
[ "$(calls save)" -eq 0 ] || fail "an image was saved to move it"
! docker image inspect "$tag" >/dev/null 2>&1 || fail "$tag is here again"
grep -q "building it there" .orch/logs/alpha/main/hello.log || fail "the log does not say so: $(cat .orch/logs/alpha/main/hello.log)"
grep -q '"engine": "far"' .orch/results/alpha/main/hello.json || fail "the job did not run on the far engine"
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "the job did not pass"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
