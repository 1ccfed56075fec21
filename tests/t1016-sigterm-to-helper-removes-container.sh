# SIGTERM to the test helper itself (not ninja) removes the job's container
# before it exits; after kill -9, orchgen gc removes what is left.
. "$TOP/tests/lib.sh"
base_image
hang_project
ninja_ok images
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >/dev/null 2>&1 &
pid=$!
wait_container
kill -TERM $pid
set +e; wait $pid; st=$?; set -e
[ "$st" -eq 143 ] || fail "the helper exited $st, expected 143 (SIGTERM)"
[ -z "$(containers)" ] || fail "a container is left after SIGTERM"
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >/dev/null 2>&1 &
pid=$!
wait_container
kill -KILL $pid
wait $pid || true
[ -n "$(containers)" ] || fail "kill -9 left no container: nothing for gc to do"
expect_exit 0 "$ORCHGEN" gc
[ -z "$(containers)" ] || fail "gc left a container"
