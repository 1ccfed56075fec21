# orchgen exec D -- CMD runs CMD in D's image as the host's uid and gid,
# in the current directory, mounted writable at /workspace.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
ninja_ok image-alpha
expect_exit 0 "$ORCHGEN" exec alpha -- sh -c 'id -u; id -g; pwd; touch made-here' </dev/null
[ "$(cat "$T/out")" = "$(printf '%s\n%s\n/workspace' "$(id -u)" "$(id -g)")" ] || { cat "$T/out"; fail "not the host's uid and gid in /workspace"; }
[ -e made-here ] || fail "the file made in /workspace is not in the current directory"
[ "$(stat -c %u:%g made-here)" = "$(id -u):$(id -g)" ] || fail "made-here is owned by $(stat -c %u:%g made-here)"
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "exec left its container"
