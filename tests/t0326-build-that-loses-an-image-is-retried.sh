# Docker's classic builder fails a build with `unable to find image
# "sha256:..."` when an image it looks at for its layer cache is removed
# meanwhile (another project's cleanup): engine trouble, tried again with
# backoff, not a failure of the Dockerfile. The engine cannot be made to
# lose an image at that moment on purpose, so the first build here says
# what it says then, and the next ones run on the real engine.
. "$TOP/tests/lib.sh"
base_image
project
real=$(PATH=${PATH#"$T/bin:"} command -v docker)
cat >"$T/bin/docker" <<SHIM
#!/bin/sh -p
[ -e "$T/engine-used" ] || : >"$T/engine-used"
for w; do
	[ "\$w" = build ] || continue
	[ ! -e "$T/lost-once" ] || break
	: >"$T/lost-once"
	echo 'Step 3/6 : LABEL orchtest.test=x'
	echo 'unable to find image "sha256:6f430e46fa5f6d34332fa5a7013c642c261284e9d8fd0eb7684b2e155a48326f"'
	exit 1
done
exec "$real" "\$@"
SHIM
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok images
[ -e "$T/lost-once" ] || fail "no build lost an image"
grep -q 'the engine lost an image it was looking at' "$T/ninja.out" || fail "the lost image is not said: $(cat "$T/ninja.out")"
grep -q 'engine trouble: trying again in 1s' "$T/ninja.out" || fail "the build was not tried again"
docker image inspect "$(cat .orch/image/alpha)" >/dev/null || fail "the image was not built the second time"
# A Dockerfile that fails is a failure, never tried again.
printf 'RUN false\n' >>docker/Dockerfile
"$ORCHGEN" --distros=alpha >/dev/null
ninja images >"$T/ninja.out" 2>&1 && fail "a failing Dockerfile built"
! grep -q 'trying again' "$T/ninja.out" || fail "a failing Dockerfile was tried again"
