# On an engine that shares no files, a cache is an engine volume there,
# orchgen-PROJECT-CACHE-DISTRO, labelled for the project: made and warmed
# there on first use, it keeps what a job writes for the next job there,
# while the host's cache is left as warmed. orchgen gc removes the
# volumes no current cache names; gc --caches removes them all, and the
# next job there makes and warms its volume again.
. "$TOP/tests/lib.sh"
base_image
stage_project
second_engine
mkdir -p suites/writes
cat >suites/writes/task.yaml <<'YAML'
execute: |
  grep -x "warmed $ORCHGEN_DISTRO" /var/cache/dl/warm.log
  echo run >>/var/cache/dl/runs
  echo "runs: $(wc -l </var/cache/dl/runs)"
YAML
printf '\n[engine far]\nhost = %s\njobs = 2\n' "$E2" >>orchgen.ini
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok
grep -qx "runs: 1" .orch/logs/alpha/writes.log || fail "first run: $(cat .orch/logs/alpha/writes.log)"
vol=orchgen-$PNAME-dl-alpha
[ "$(docker2 volume inspect -f '{{index .Labels "orchgen.project"}}' "$vol")" = "$PNAME" ] ||
	fail "no volume $vol labelled for the project on the far engine: $(docker2 volume ls)"
docker_spy
ninja_ok retest-alpha/writes
# One question for a container's volumes (its cache's and its build's),
# not one per volume: the look at the stages' stamps (once a run) and the
# job.
[ "$(grep -c ' volume inspect ' "$T/docker.calls")" = 2 ] ||
	fail "not one question per container for its volumes: $(grep ' volume ' "$T/docker.calls")"
grep -qx "runs: 2" .orch/logs/alpha/writes.log || fail "the cache did not keep the first run's write: $(cat .orch/logs/alpha/writes.log)"
[ ! -e .orch/cache/dl/alpha/runs ] || fail "a write on the far engine reached the host's cache"
grep -q "^\[engine far\]" orchgen.ini
"$ORCHGEN" gc >"$T/gc.out" || fail "gc failed: $(cat "$T/gc.out")"
docker2 volume inspect "$vol" >/dev/null 2>&1 || fail "gc removed a volume a current cache names"
"$ORCHGEN" gc --caches >"$T/gc.out" || fail "gc --caches failed: $(cat "$T/gc.out")"
! docker2 volume inspect "$vol" >/dev/null 2>&1 || fail "gc --caches left $vol on the far engine"
ninja_ok retest-alpha/writes
grep -qx "runs: 1" .orch/logs/alpha/writes.log || fail "the volume was not made and warmed afresh: $(cat .orch/logs/alpha/writes.log)"
sed -i '/^\[cache dl\]/,/^warm-inputs/d' orchgen.ini
sed -i '/\/var\/cache\/dl/d' suites/main/hello/task.yaml
"$ORCHGEN" gc >"$T/gc.out" || fail "gc failed: $(cat "$T/gc.out")"
grep -qx "removed volume $vol" "$T/gc.out" || fail "gc did not say it removed $vol: $(cat "$T/gc.out")"
! docker2 volume inspect "$vol" >/dev/null 2>&1 || fail "gc left $vol on the far engine"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
