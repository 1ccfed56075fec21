# orchgen exec runs the command as the user who runs orchgen, not root:
# here the real uid and gid are nobody's (the effective ids stay root's,
# which the engine's socket needs).
. "$TOP/tests/lib.sh"
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null || { echo "skipped: needs root and setpriv"; exit 0; }
base_image
project
"$ORCHGEN"
ninja_ok image-alpha
chown 65534:65534 .
setpriv --ruid=65534 --rgid=65534 --keep-groups "$ORCHGEN" exec alpha -- sh -c 'id -u; id -g; touch made-here' </dev/null >"$T/out" 2>&1 ||
	{ cat "$T/out"; fail "exec as nobody failed"; }
[ "$(cat "$T/out")" = "$(printf '65534\n65534')" ] || { cat "$T/out"; fail "the command did not run as 65534:65534"; }
[ "$(stat -c %u:%g made-here)" = "65534:65534" ] || fail "made-here is owned by $(stat -c %u:%g made-here)"
