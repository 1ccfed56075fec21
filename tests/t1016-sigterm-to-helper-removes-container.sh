# SIGTERM to the test helper itself (not ninja) removes the job's container
# before it exits; after kill -9, orchgen gc removes what is left.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/hang
printf 'execute: sleep 60\n' >suites/hang/task.yaml
"$ORCHGEN"
ninja_ok images
containers() { docker ps -aq --filter "label=orchgen.project=$PNAME"; }
started() {
	i=0
	until [ -n "$(containers)" ]; do
		i=$((i + 1)); [ $i -le 100 ] || { containers | xargs -r docker rm -f >/dev/null; fail "no container appeared"; }
		sleep 0.2
	done
}
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >/dev/null 2>&1 &
pid=$!
started
kill -TERM $pid
set +e; wait $pid; st=$?; set -e
[ "$st" -eq 143 ] || fail "the helper exited $st, expected 143 (SIGTERM)"
[ -z "$(containers)" ] || { containers | xargs -r docker rm -f >/dev/null; fail "a container is left after SIGTERM"; }
"$ORCHGEN" test --distro alpha --suite hang --image .orch/image/alpha >/dev/null 2>&1 &
pid=$!
started
kill -KILL $pid
wait $pid || true
[ -n "$(containers)" ] || fail "kill -9 left no container: nothing for gc to do"
expect_exit 0 "$ORCHGEN" gc
[ -z "$(containers)" ] || { containers | xargs -r docker rm -f >/dev/null; fail "gc left a container"; }
