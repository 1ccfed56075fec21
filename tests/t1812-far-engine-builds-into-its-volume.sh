# On an engine that shares no files, the build stage runs there into an
# engine volume, orchgen-PROJECT--build-DISTRO, labelled for the project:
# its jobs read what was built there, never a copy of this host's build
# directory (emptied here, the jobs there still pass). Its volume carries
# the build's stamp, so that a second run builds nothing there, and a
# changed source builds there once, however many jobs start at once;
# one look at the volumes per run there, not one per job.
# orchgen gc keeps the volume of a current distro; gc --caches removes it.
. "$TOP/tests/lib.sh"
base_image
stage_project
second_engine
sed -i 's|^build = .*|&; echo built >>/build/builds|' orchgen.ini
cat >>suites/main/hello/task.yaml <<'YAML'
  echo "builds: $(wc -l </build/builds) of $(cat /build/product.txt)"
YAML
engines_ini 0 2
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok
grep -qx "builds: 1 of product 1" .orch/logs/alpha/main/hello.log || fail "first run: $(cat .orch/logs/alpha/main/hello.log)"
grep -q '"engine": "far"' .orch/results/alpha/main/hello.json || fail "the job did not run on the far engine"
vol=orchgen-$PNAME--build-alpha
[ "$(docker2 volume inspect -f '{{index .Labels "orchgen.project"}}' "$vol")" = "$PNAME" ] ||
	fail "no volume $vol labelled for the project on the far engine: $(docker2 volume ls)"
# far_builds: how many of alpha's jobs ran the build stage on the far engine.
far_builds() { cat .orch/logs/alpha/main/*.log | grep -c "^orchgen: build-alpha on engine far: .* running it there" || true; }
[ "$(far_builds)" -eq 1 ] || fail "the build ran $(far_builds) times on the far engine for 3 jobs, expected once"
# What the jobs there read is not this host's build directory.
rm -rf .orch/build/alpha/*
ninja_ok retest-alpha/main/hello
grep -qx "builds: 1 of product 1" .orch/logs/alpha/main/hello.log ||
	fail "a second run built again on the far engine, or read this host's build: $(cat .orch/logs/alpha/main/hello.log)"
! grep -q "running it there" .orch/logs/alpha/main/hello.log || fail "the second run ran a stage there"
[ ! -e .orch/build/alpha/builds ] || fail "the build ran here again"
echo 'product 2' >src/product.txt
ninja_ok
[ "$(count BUILD)" -eq 1 ] || fail "expected one build here, got $(count BUILD)"
grep -qx "builds: 2 of product 2" .orch/logs/alpha/main/hello.log ||
	fail "the changed source was not built there once: $(cat .orch/logs/alpha/main/hello.log)"
[ "$(far_builds)" -eq 1 ] || fail "the changed source was built $(far_builds) times on the far engine for 3 jobs, expected once"
# Once a job of a run found the volumes done there (or did them), the
# run's later jobs there do not look again: one look for 3 jobs; the next
# run looks again, and finds the volume it lost.
docker_spy
ninja_ok retest-alpha
looks=$(grep -c ' -- true$' "$T/docker.calls" || true)
[ "$looks" -eq 1 ] || fail "$looks looks at the far volumes in one run of 3 jobs, expected 1"
docker2 volume rm "$vol" >/dev/null
ninja_ok retest-alpha
grep -qx "builds: 1 of product 2" .orch/logs/alpha/main/hello.log ||
	fail "a lost volume was not built again there: $(cat .orch/logs/alpha/main/hello.log)"
"$ORCHGEN" gc >"$T/gc.out" || fail "gc failed: $(cat "$T/gc.out")"
docker2 volume inspect "$vol" >/dev/null 2>&1 || fail "gc removed the build volume of a current distro"
"$ORCHGEN" gc --caches >"$T/gc.out" || fail "gc --caches failed: $(cat "$T/gc.out")"
! docker2 volume inspect "$vol" >/dev/null 2>&1 || fail "gc --caches left $vol on the far engine"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
