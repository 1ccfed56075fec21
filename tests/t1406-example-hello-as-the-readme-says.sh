# examples/hello works from a fresh copy exactly as the README says:
# cd examples/hello && orchgen && ninja, offline, its base made by its own
# recipe; a second ninja does nothing.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/hello" "$T/hello"
cd "$T/hello"
PNAME=hello-$(basename "$T" | tr -c 'a-z0-9\n' -)-$$
PNAME=$(echo "$PNAME" | cut -c1-40 | sed 's/-*$//')
sed -i "s/^name = hello$/name = $PNAME/" orchgen.ini
trap remove_leftovers EXIT
"$ORCHGEN"
ninja_ok
[ "$(count TEST)" -eq 7 ] || fail "expected 7 jobs, ran $(count TEST)"
grep -q 'hallo from tuned' .orch/logs/tuned/smoke/echo.log || fail "the tuned image lacks its build arg"
docker_spy
ninja_ok
[ "$(count TEST)" -eq 0 ] && [ "$(calls import)" -eq 0 ] && [ "$(calls build)" -eq 0 ] || fail "a second ninja did work again"
