# --distros=a keeps only those distros, and build.ninja regenerates with it.
. "$TOP/tests/lib.sh"
project
run=""
command -v valgrind >/dev/null && run="valgrind -q --error-exitcode=9"
$run "$ORCHGEN" --distros=alpha >"$T/out" 2>&1 || { cat "$T/out"; fail "orchgen --distros=alpha failed"; }
grep -q '^build test-alpha:' build.ninja || fail "no test-alpha target"
! grep -q 'beta' build.ninja || fail "beta is still in the graph"
grep -A1 '^build build.ninja: regen' build.ninja | grep -q -- ' --distros=alpha$' || fail "the regeneration edge forgets --distros"
