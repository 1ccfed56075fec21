# A build that fails on the far engine ends the job there as a failed
# build stage would (an error naming the stage on that engine, exit
# status 1, no container of the job), and nothing half-made there counts
# as built: the volume's stamp is removed before the build starts, so
# that going back to a source once built there builds again. The other
# jobs of that run there end with the same failure, not built again. A
# job started by hand before the build stage ran here is an error that
# says so.
. "$TOP/tests/lib.sh"
base_image
stage_project
second_engine
load_base2
sed -i 's|^build = |build = echo half >/build/half; test ! -e /build/poison; |' orchgen.ini
engines_ini 0 2
"$ORCHGEN" --distros=alpha >/dev/null
ninja_ok
vol=orchgen-$PNAME--build-alpha
far() { docker2 run --rm --mount "type=volume,src=$vol,dst=/build" "$BASE_IMAGE" "$@"; }
far ls -a /build | grep -qx .orchgen-build-alpha.ok || fail "no stamp in $vol after a build there"
far touch /build/poison
echo 'product 2' >src/product.txt
expect_exit 1 ninja -k 0
grep -q "BUILD " "$T/out" || fail "the build did not run here: $(cat "$T/out")"
r=.orch/results/alpha/main/hello.json
grep -q '"status": "error"' $r || fail "expected an error: $(cat $r)"
grep -q '"reason": "build-alpha on engine far failed' $r || fail "the reason does not name the far build: $(cat $r)"
grep -q "build-alpha on engine far failed (exit status 1)" "$T/out" || fail "ninja did not say the far build failed: $(cat "$T/out")"
! grep -q "^--- execute" .orch/logs/alpha/main/hello.log || fail "the job ran after its build failed"
! far ls -a /build | grep -qx .orchgen-build-alpha.ok || fail "a failed build left a stamp in $vol"
# Once per run: the other jobs there end with its failure.
n=$(cat .orch/logs/alpha/main/*.log | grep -c "^orchgen: build-alpha on engine far: .* running it there" || true)
[ "$n" -eq 1 ] || fail "the failing build ran $n times there in one run, expected once"
[ "$(grep -l '"reason": "build-alpha on engine far failed' .orch/results/alpha/main/*.json | wc -l)" -eq 3 ] ||
	fail "not every job of alpha ended with the far build's failure"
# Back to the source built there before: built again, not taken as built.
echo 'product 1' >src/product.txt
expect_exit 1 ninja
grep -q '"reason": "build-alpha on engine far failed' $r || fail "a half-made build counted as built: $(cat $r)"
far rm /build/poison
ninja_ok
grep -q '"status": "pass"' $r || fail "expected a pass once the build works there: $(cat $r)"
# A job run by hand before the build ran here has no stamp to build to.
rm .orch/stage/alpha/build.ok
cmd=$(ninja -t commands test-alpha/main/hello | grep " test " | tail -n 1)
expect_exit 1 sh -c "$cmd"
grep -q "build-alpha on engine far: it has not run here (no .orch/stage/alpha/build.ok): run ninja" "$T/out" ||
	fail "expected the missing stamp to be said: $(cat "$T/out")"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
