# SIGINT or SIGTERM to ninja while a job runs removes the job's container
# within seconds, and the interrupted job gets no stamp.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/hang
printf 'execute: sleep 60\n' >suites/hang/task.yaml
"$ORCHGEN"
ninja_ok images
containers() { docker ps -aq --filter "label=orchgen.project=$PNAME"; }
for sig in INT TERM; do
	ninja test-alpha/hang >"$T/ninja.out" 2>&1 &
	pid=$!
	give_up() { kill $pid 2>/dev/null || true; containers | xargs -r docker rm -f >/dev/null; fail "SIG$sig: $*"; }
	i=0
	until [ -n "$(containers)" ]; do
		i=$((i + 1)); [ $i -le 100 ] || give_up "no container appeared"
		sleep 0.2
	done
	kill -$sig $pid
	i=0
	while [ -n "$(containers)" ] || kill -0 $pid 2>/dev/null; do
		i=$((i + 1)); [ $i -le 20 ] || give_up "10s after the signal: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
		sleep 0.5
	done
	[ -z "$(find .orch/stamp -name "hang*" 2>/dev/null)" ] || fail "SIG$sig: an interrupted job has a stamp"
done
