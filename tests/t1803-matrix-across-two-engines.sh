# A matrix across two engines, the second a dockerd that shares no files
# with this host: every job passes, the results and the logs' first lines
# name both engines, a suite that reads a workspace file and writes an
# artifact passes on the far engine, which gets its image streamed from
# the first (no registry, no build there). A second run reruns nothing,
# and so does adding an engine. Nothing is left on either engine.
. "$TOP/tests/lib.sh"
base_image
project
second_engine
echo "from the workspace" >data.txt
mkdir -p suites/reads
cat >suites/reads/task.yaml <<'YAML'
artifacts: [/tmp/out.txt]
execute: |
  grep -x "from the workspace" /workspace/data.txt
  echo "made on $ORCHGEN_DISTRO" >/tmp/out.txt
YAML
for s in one two three; do
	mkdir -p suites/sleep/$s
	printf 'execute: sleep 1\n' >suites/sleep/$s/task.yaml
done
engines_ini 2 2
docker_spy
"$ORCHGEN" >/dev/null
ninja_ok
docker2 image inspect "$(cat .orch/image/alpha)" >/dev/null 2>&1 ||
	docker2 image inspect "$(cat .orch/image/beta)" >/dev/null || fail "the far engine has no image"
engines=$(cat .orch/results/*/*.json .orch/results/*/*/*.json 2>/dev/null | sed -n 's/.*"engine": "\(.*\)",/\1/p' | sort | uniq -c)
echo "$engines" | grep -q ' here$' || fail "no job ran here: $engines"
echo "$engines" | grep -q ' far$' || fail "no job ran far: $engines"
grep -L '"status": "pass"' .orch/results/*/*.json .orch/results/*/*/*.json 2>/dev/null | grep . && fail "a job did not pass"
for d in alpha beta; do
	grep -qx "made on $d" ".orch/artifacts/$d/reads/tmp/out.txt" || fail "no artifact from $d"
	eng=$(sed -n 's/.*"engine": "\(.*\)",/\1/p' ".orch/results/$d/reads.json")
	head -n 1 ".orch/logs/$d/reads.log" | grep -qx "orchgen: $d:reads on engine $eng" ||
		fail "the log's first line does not name $eng: $(head -n 1 ".orch/logs/$d/reads.log")"
done
[ "$(calls build)" -le 2 ] || fail "an image was built more than once per distro"
reset_calls
ninja_ok
[ "$(count TEST)" -eq 0 ] && [ "$(calls build)" -eq 0 ] || fail "a second run did work: $(cat "$T/ninja.out")"
printf '\n[engine more]\njobs = 1\n' >>orchgen.ini
ninja_ok
[ "$(count TEST)" -eq 0 ] || fail "adding an engine reran jobs: $(cat "$T/ninja.out")"
[ -z "$(containers)" ] || fail "containers left here"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
