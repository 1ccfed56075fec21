# examples/oxidizr-arch generates silently, and `ninja -n` plans all of it:
# every distro's image, warm, build and automatic jobs, no regeneration, and
# not the manual suite.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/oxidizr-arch" "$T/ox" && cd "$T/ox" && rm -rf .orch build.ninja target
expect_exit 0 "$ORCHGEN"
[ "$(cat "$T/out")" = "wrote build.ninja: 4 distros, 5 suites, 24 jobs" ] || { cat "$T/out" >&2; fail "orchgen printed more or other than its line"; }
ninja -n >"$T/plan" 2>&1 || { cat "$T/plan" >&2; fail "ninja -n rejected build.ninja"; }
! grep -q 'REGEN\|regenerating' "$T/plan" || fail "a fresh build.ninja is out of date"
for d in arch manjaro cachyos endeavouros; do
	for what in "IMAGE $d" "WARM $d" "BUILD $d" "TEST $d:main/version" "TEST $d:main/locale-de" \
		"TEST $d:main/restore" "TEST $d:main/switch-coreutils:uutils" "TEST $d:main/switch-coreutils:gnu"; do
		grep -qx "\[[0-9]*/[0-9]*\] $what" "$T/plan" || { cat "$T/plan" >&2; fail "ninja -n plans no $what"; }
	done
done
[ "$(grep -c '\] TEST ' "$T/plan")" -eq 20 ] || fail "expected 20 jobs (5 per distro) in the plan"
! grep -q 'aur/build-uutils' "$T/plan" || fail "the manual suite is planned by default"
