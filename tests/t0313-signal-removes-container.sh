# SIGINT or SIGTERM to ninja while a job runs removes the job's container
# within seconds, and the interrupted job gets no stamp.
. "$TOP/tests/lib.sh"
base_image
hang_project
ninja_ok images
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
done
