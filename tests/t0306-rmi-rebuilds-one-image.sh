# An image lost from the engine is rebuilt; same content, so no job reruns.
. "$TOP/tests/lib.sh"
built_project
tag=$(cat .orch/image/alpha)
docker rmi "$tag" >/dev/null
reset_calls
ninja_ok
[ "$(calls build)" -eq 1 ] || fail "expected 1 image build, got $(calls build)"
grep -q "^build .* -t $tag " "$T/docker.calls" || fail "the rebuild was not of $tag"
[ "$(calls run)" -eq 0 ] || fail "expected no job runs, got $(calls run)"
[ "$(cat .orch/image/alpha)" = "$tag" ] || fail "the tag changed"
