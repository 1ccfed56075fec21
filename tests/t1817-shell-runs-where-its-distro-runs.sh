# orchgen exec, shell, up and down run a distro's container on an engine
# that serves it: with [engine] sections, the first whose distros name it
# and that sees this host's files (the workspace is mounted), its image
# brought there. When only engines that share no files serve it, on the
# local default engine, where its image is made, and they say so.
. "$TOP/tests/lib.sh"
base_image
project
# A project the second engine can see (its namespace covers $T): with
# `shared = yes` it mounts this project's files as the local engine does.
SP=$(mktemp -d "${TMPDIR:-/tmp}/orchtest-shared-XXXXXX")
trap 'cd /; stop_second_engine; rm -rf "$SP"; remove_leftovers' EXIT
mv "$P" "$SP/project"
P=$SP/project
cd "$P"
second_engine
load_base2
printf '\n[engine here]\ndistros = beta\n\n[engine far]\nhost = %s\ndistros = alpha\n' "$E2" >>orchgen.ini
"$ORCHGEN" >/dev/null
ninja_ok images
[ "$("$ORCHGEN" exec alpha -- cat /flavour 2>"$T/err")" = plain ] || fail "exec alpha did not run: $(cat "$T/err")"
grep -q '^orchgen: exec alpha: on the local default engine, where its image is made: the engines that serve alpha (far) share no files with this host$' "$T/err" ||
	fail "exec alpha did not say where it ran: $(cat "$T/err")"
docker2 image inspect "$(cat .orch/image/alpha)" >/dev/null 2>&1 && fail "exec alpha brought the image to a far engine that shares no files"
"$ORCHGEN" up alpha -- sleep 300 >/dev/null 2>&1 || fail "up alpha failed on the local default engine"
[ -n "$(docker ps -q --filter "label=orchgen.project=$PNAME")" ] || fail "up alpha did not start its container on the local default engine"
"$ORCHGEN" down alpha >/dev/null 2>&1 || fail "down alpha failed"
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "down alpha left its container on the local default engine"
[ "$("$ORCHGEN" exec beta -- cat /flavour 2>"$T/err")" = beta ] || fail "exec beta did not run on the engine here"
[ ! -s "$T/err" ] || fail "exec beta, which an engine here serves, said: $(cat "$T/err")"

sed -i 's/^distros = alpha$/&\nshared = yes/' orchgen.ini
"$ORCHGEN" >/dev/null
out=$("$ORCHGEN" exec alpha -- sh -c 'cat /flavour; cat /workspace/suites/main/hello/task.yaml | head -n 1' 2>/dev/null) ||
	fail "exec alpha failed on the shared far engine"
[ "$out" = "$(printf 'plain\nsummary: says hello')" ] || fail "exec alpha printed: $out"
docker2 image inspect "$(cat .orch/image/alpha)" >/dev/null || fail "the image was not brought to the far engine"
"$ORCHGEN" up alpha -- sleep 300 >/dev/null || fail "up alpha failed"
[ -n "$(docker2 ps -q --filter "label=orchgen.project=$PNAME")" ] || fail "up alpha did not start its container on the far engine"
[ -z "$(docker ps -q --filter "label=orchgen.project=$PNAME")" ] || fail "up alpha started a container on the local engine"
"$ORCHGEN" down alpha >/dev/null || fail "down alpha failed"
[ -z "$(docker2 ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "down alpha left its container on the far engine"
