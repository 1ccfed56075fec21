# examples/hello works from a fresh copy exactly as the README says:
# cd examples/hello && orchgen && ninja, offline, its base made by its own
# recipe; a second ninja does nothing.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/hello" "$T/hello"
cd "$T/hello"
sed -i "s/^name = hello$/name = $PNAME/" orchgen.ini	# the run's own images
"$ORCHGEN"
ninja_ok
[ "$(count TEST)" -eq 7 ] || fail "expected 7 jobs, ran $(count TEST)"
grep -q 'hallo from tuned' .orch/logs/tuned/smoke/echo.log || fail "the tuned image lacks its build arg"
docker_spy
ninja_ok
[ "$(count TEST)" -eq 0 ] && [ "$(calls import)" -eq 0 ] && [ "$(calls build)" -eq 0 ] || fail "a second ninja did work again"
# With a busybox that needs shared libraries first on PATH, the recipe
# says so rather than making a base that cannot run.
mkdir -p "$T/dynamic"
cp "$(command -v ls)" "$T/dynamic/busybox"
root=$(mktemp -d "$T/root.XXXXXX")
set +e
PATH="$T/dynamic:$PATH" sh mkroot.sh "$root" >"$T/out" 2>&1
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "mkroot.sh made a root of a dynamically linked busybox"
expect_output "^mkroot.sh: $T/dynamic/busybox is linked dynamically: install busybox-static\$"
