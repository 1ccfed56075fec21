# The tests' second engine (second_engine in tests/lib.sh) is a real
# dockerd that sees none of the project's files, as an engine on another
# machine; starting it leaves the host's network alone, and stopping it
# ends exactly that dockerd and removes its data.
. "$TOP/tests/lib.sh"
base_image
bridge_before=$(ip -o link show docker0 2>/dev/null | wc -l)
echo secret >"$T/host-file"
second_engine
[ -S "${E2#unix://}" ] || fail "no socket at $E2"
load_base2
if docker2 run --rm --mount "type=bind,src=$T,dst=/t" "$BASE_IMAGE" true 2>"$T/err"; then
	fail "the second engine sees the test's directory"
fi
grep -q 'does not exist' "$T/err" || fail "unexpected: $(cat "$T/err")"
docker2 run --rm --mount "type=bind,src=$TOP/tests/tmp,dst=/t" "$BASE_IMAGE" ls -A /t >"$T/seen"
[ ! -s "$T/seen" ] || fail "the second engine sees the tests' files: $(cat "$T/seen")"
[ "$(ip -o link show docker0 2>/dev/null | wc -l)" = "$bridge_before" ] || fail "the host's docker0 changed"
docker image inspect "$BASE_IMAGE" >/dev/null || fail "the first engine lost its base"
pid=$E2PID dir=$E2DIR
stop_second_engine
! kill -0 "$pid" 2>/dev/null || fail "the second dockerd still runs"
[ ! -e "$dir" ] || fail "its data is left in $dir"
docker version >/dev/null || fail "the first engine stopped answering"
