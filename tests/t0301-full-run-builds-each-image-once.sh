# A full run builds each distro's image once and runs each job once.
. "$TOP/tests/lib.sh"
base_image
project
docker_spy
"$ORCHGEN"
ninja >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out"; fail "ninja failed"; }
[ "$(calls build)" -eq 2 ] || fail "expected 2 image builds, got $(calls build)"
[ "$(calls run)" -eq 6 ] || fail "expected 6 job runs (2 distros x 3 jobs), got $(calls run)"
for j in alpha/main/hello alpha/main/vars:one alpha/main/vars:two beta/main/hello beta/main/vars:one beta/main/vars:two; do
	grep -q '"status": "pass"' ".orch/results/$j.json" || fail "$j did not pass"
	[ -f ".orch/stamp/$j.ok" ] || fail "$j has no stamp"
done
grep -q 'hello from beta' .orch/logs/beta/main/hello.log || fail "beta's log lacks the job's output"
grep -q '^beta$' .orch/logs/beta/main/hello.log || fail "beta's build-args did not reach its image"
