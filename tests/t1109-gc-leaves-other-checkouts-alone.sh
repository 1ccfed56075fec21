# Two checkouts of one project (one name) on one engine: gc in one never
# touches the other's running container or the images only it uses.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/hang
printf 'execute: sleep 60\n' >suites/hang/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
cp -R "$P" "$T/other"
echo '# the other checkout' >>"$T/other/docker/Dockerfile"
(cd "$T/other" && "$ORCHGEN" --distros=alpha && ninja images >/dev/null 2>&1) || fail "the other checkout did not build"
other_image=$(cat "$T/other/.orch/image/alpha")
(cd "$T/other" && exec ninja test-alpha/hang) >"$T/other.out" 2>&1 &
wait_container
expect_exit 0 "$ORCHGEN" gc
[ -n "$(containers)" ] || fail "gc removed the other checkout's running container"
docker image inspect "$other_image" >/dev/null 2>&1 || fail "gc removed the other checkout's image"
! grep -q "removed container" "$T/out" || fail "gc said it removed a container: $(cat "$T/out")"
