# The image and build helpers also retry engine trouble, with backoff: a
# daemon that does not answer, a stage's image that is gone.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok .orch/hash/context
expect_exit 3 env DOCKER_HOST=unix:///nonexistent/docker.sock "$ORCHGEN" image -D project.retries=1 \
	--distro beta --hash .orch/hash/context -o .orch/image/beta
[ "$(grep -c 'image-beta: engine trouble: trying again in 1s (1 of 1 retries)' "$T/out")" -eq 1 ] || fail "the image helper did not retry once"
[ "$(grep -c 'start one' "$T/out")" -eq 2 ] || fail "expected the engine's message for each of 2 attempts"
[ ! -e .orch/image/beta ] || fail "an image file was written"
mkdir -p .orch
echo "$PNAME-gone:nothing" >gone.tag
expect_exit 3 "$ORCHGEN" build -D project.retries=2 --distro beta --image gone.tag -o .orch/stage/beta/build.ok
[ "$(grep -c 'build-beta: engine trouble: trying again' "$T/out")" -eq 2 ] || fail "the build helper did not retry twice"
[ ! -e .orch/stage/beta/build.ok ] || fail "a build stamp was written"
