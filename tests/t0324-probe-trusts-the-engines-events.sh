# The probe looks at every image only when the engine's events say that
# one may have changed since its last look: a no-op asks for the events
# alone. An image removed, added or tagged, a look file that is not this
# one's, and another daemon behind the same socket (a new machine, its
# engine empty) each make it look again; a container's life does not.
# On an engine of its own (the second dockerd), so that no other test's
# images come and go in between.
. "$TOP/tests/lib.sh"
base_image
project
second_engine
load_base2
# far, on the second engine
far() { DOCKER_HOST=$E2 ninja images >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "ninja failed"; }; }
docker_spy
"$ORCHGEN"
far
far
looked() { [ "$(cat .orch/look)" != "$look" ]; }
grep -q '^since [0-9]*\.[0-9]*$' .orch/look || fail "no event time in the look file: $(cat .orch/look)"
look=$(cat .orch/look)
presence=$(cat .orch/present/alpha .orch/present/beta)
far
! looked || fail "a no-op looked at every image again"
# A container's life changes no image.
docker2 run --rm --label "orchgen.project=$PNAME" "$BASE_IMAGE" true
far
! looked || fail "a container's run made the probe look again"
# Another image tagged: looked again; the same presence, nothing built.
docker2 tag "$BASE_IMAGE" "$PNAME-other:1"
reset_calls
far
looked || fail "an image tagged did not make the probe look again"
[ "$(calls build)" -eq 0 ] || fail "a tag elsewhere rebuilt an image"
[ "$(cat .orch/present/alpha .orch/present/beta)" = "$presence" ] || fail "the presence changed"
docker2 rmi "$PNAME-other:1" >/dev/null
far
# Right after a no-op that took the shortcut, the distro's image lost.
look=$(cat .orch/look)
far
! looked || fail "a no-op looked at every image again"
tag=$(cat .orch/image/alpha)
docker2 rmi "$tag" >/dev/null
reset_calls
far
[ "$(calls build)" -eq 1 ] || fail "the lost image was not rebuilt (builds: $(calls build))"
docker2 image inspect "$tag" >/dev/null 2>&1 || fail "$tag is not back"
# A look file that is not this one's, or is garbage: looked again.
far
look=$(printf 'ffffffffffffffffffffffffffffffff\nsince 1.0\n')
printf '%s\n' "$look" >.orch/look
far
looked || fail "a look file of another daemon was trusted"
grep -q '^since ' .orch/look || fail "the look file was not written again"
# A time that is not one never reaches the engine's request.
sed -i 's/^since .*/since 1 HTTP\/1.0/' .orch/look
look=$(cat .orch/look)
far
looked || fail "a look file with a bad time was trusted"
printf 'since\n\n\001' >.orch/look
look=$(cat .orch/look)
far
looked || fail "a garbage look file was trusted"
# A look file that cannot be written is said, and the run goes on.
rm -f .orch/look && mkdir .orch/look
far
grep -q 'write .orch/look' "$T/ninja.out" || fail "the look file's failure was not said: $(cat "$T/ninja.out")"
rmdir .orch/look
far
# No engine answers: the look file goes, the presence says so; the engine
# back, it is looked at again.
DOCKER_HOST=unix://$T/nothing.sock ninja images >/dev/null 2>&1 || true
[ ! -e .orch/look ] || fail "the look file stayed when no engine answered"
grep -q 'did not answer' .orch/present/alpha || fail "the presence does not say the engine did not answer"
far
grep -q '^since ' .orch/look || fail "the engine back, no look file"
# Another daemon behind the same socket, with an empty engine: the look
# is not trusted; the images are made there again.
stop_second_engine keep
rm -rf "$E2DIR/data" "$E2DIR/exec"
start_second_engine
DOCKER_HOST=$E2 "$ORCHGEN" probe || fail "the probe failed"
grep -qx "missing $(cat .orch/image/alpha)" .orch/present/alpha ||
	fail "the probe trusted the look at the daemon before: $(cat .orch/present/alpha)"
load_base2
reset_calls
far
[ "$(calls build)" -eq 2 ] || fail "the new daemon's images were not built (builds: $(calls build))"
