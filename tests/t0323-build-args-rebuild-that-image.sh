# A distro's build-args changed: its image is built again and its jobs
# rerun; the other distro's image and jobs are left alone.
. "$TOP/tests/lib.sh"
built_project
sed -i 's/^build-args = FLAVOUR=beta$/build-args = FLAVOUR=gamma/' orchgen.ini
grep -q FLAVOUR=gamma orchgen.ini || fail "the test's project has no build-args to change"
ninja_ok
[ "$(calls build)" -eq 1 ] || fail "expected 1 image build, got $(calls build)"
grep -q '^build .*FLAVOUR=gamma' "$T/docker.calls" || fail "the build was not beta's new one"
jobs() { grep -c "] TEST $1:" "$T/ninja.out" || true; }
[ "$(jobs beta)" -eq 3 ] || fail "expected beta's 3 jobs to rerun, got $(jobs beta)"
[ "$(jobs alpha)" -eq 0 ] || fail "alpha's jobs reran: $(jobs alpha)"
