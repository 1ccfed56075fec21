# After kill -9, orchgen gc removes the project's leftover containers, its
# image tags no distro uses, and results of jobs that no longer exist.
. "$TOP/tests/lib.sh"
built_project
checkout=$(docker image inspect --format '{{index .Config.Labels "orchgen.checkout"}}' "$(cat .orch/image/alpha)")
[ -n "$checkout" ] || fail "the image has no orchgen.checkout label"
docker run -d --label "orchgen.project=$PNAME" --label "orchgen.checkout=$checkout" --name "orch-$PNAME-left" "$BASE_IMAGE" sleep 300 >/dev/null
docker tag "$(cat .orch/image/alpha)" "$PNAME-alpha:0000000000000000"
echo '{}' >.orch/results/alpha/gone.json
expect_exit 0 "$ORCHGEN" gc
expect_output "removed container orch-$PNAME-left"
expect_output "removed image $PNAME-alpha:0000000000000000"
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "a container of the project is left"
docker image inspect "$(cat .orch/image/alpha)" >/dev/null 2>&1 || fail "gc removed an image in use"
[ ! -e .orch/results/alpha/gone.json ] || fail "a dead result is left"
[ -e .orch/results/alpha/main/hello.json ] || fail "gc removed a live result"
