# On an engine that shares no files: SIGTERM to the test helper removes
# the job's container there before it exits; after kill -9, orchgen gc
# removes what is left there, and the image tags there that no distro
# names.
. "$TOP/tests/lib.sh"
base_image
hang_project
second_engine
engines_ini 0 1
"$ORCHGEN" >/dev/null
ninja_ok images
far() { docker2 ps -aq --filter "label=orchgen.project=$PNAME"; }
wait_far() {
	i=0
	until [ -n "$(far)" ]; do
		i=$((i + 1))
		[ $i -le 300 ] || fail "no container appeared on the far engine"
		sleep 0.2
	done
}
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >"$T/helper.out" 2>&1 &
pid=$!
wait_far
kill -TERM $pid
set +e; wait $pid; st=$?; set -e
[ "$st" -eq 143 ] || { cat "$T/helper.out" >&2; fail "the helper exited $st, expected 143 (SIGTERM)"; }
[ -z "$(far)" ] || fail "a container is left on the far engine after SIGTERM"
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >/dev/null 2>&1 &
pid=$!
wait_far
kill -KILL $pid
wait $pid || true
[ -n "$(far)" ] || fail "kill -9 left no container: nothing for gc to do"
docker2 tag "$(cat .orch/image/alpha)" "$PNAME-alpha:stale"
expect_exit 0 "$ORCHGEN" gc
[ -z "$(far)" ] || fail "gc left a container on the far engine"
! docker2 image inspect "$PNAME-alpha:stale" >/dev/null 2>&1 || fail "gc left an unused tag on the far engine"
docker2 image inspect "$(cat .orch/image/alpha)" >/dev/null || fail "gc removed the tag in use on the far engine"
[ -z "$(containers)" ] || fail "a container is left here"
