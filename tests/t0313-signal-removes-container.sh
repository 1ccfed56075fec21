# SIGINT or SIGTERM to ninja while a job runs removes the job's container
# within seconds, and the interrupted job gets no stamp, and keeps no
# result of an earlier run: the report says it did not run, not that it
# passed.
. "$TOP/tests/lib.sh"
base_image
hang_project
ninja_ok images
printf 'execute: "true"\n' >suites/hang/task.yaml
ninja_ok test-alpha/hang
[ -f .orch/results/alpha/hang.json ] || fail "the passing run wrote no result"
printf 'execute: sleep 60\n' >suites/hang/task.yaml
for sig in INT TERM; do
	ninja test-alpha/hang >"$T/ninja.out" 2>&1 &
	pid=$!
	wait_container
	kill -$sig $pid
	i=0
	while [ -n "$(containers)" ] || kill -0 $pid 2>/dev/null; do
		i=$((i + 1))
		[ $i -le 20 ] || fail "SIG$sig: 10s after the signal: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
		sleep 0.5
	done
	[ -z "$(find .orch/stamp -name "hang*" 2>/dev/null)" ] || fail "SIG$sig: an interrupted job has a stamp"
	[ ! -e .orch/results/alpha/hang.json ] || fail "SIG$sig: an interrupted job kept the result of its last run"
	expect_exit 1 "$ORCHGEN" report alpha:hang
	expect_output 'alpha:hang  *not run'
	"$ORCHGEN" why alpha:hang | grep -q '^alpha:hang has not passed: its last run did not end' ||
		fail "SIG$sig: why does not say the last run did not end: $("$ORCHGEN" why alpha:hang)"
done
