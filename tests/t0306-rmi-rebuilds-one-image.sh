# An image lost from the engine is rebuilt, each time it is lost; same
# content, so no job reruns.
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

# Lost again: the probe before the first rebuild said "missing" too, and
# it must still see this loss.
docker rmi "$tag" >/dev/null
reset_calls
ninja_ok
[ "$(calls build)" -eq 1 ] || fail "the image lost a second time was not rebuilt (builds: $(calls build))"
docker image inspect "$tag" >/dev/null 2>&1 || fail "$tag is not in the engine after the second rebuild"
