# Each job's command is its distro's shared arguments and its own suite
# (and variant), whichever rule its edge is of: test_D, variant_D, or the
# template's test rule for a suite whose name needs quoting; and a distro
# whose name holds a dot gets them too.
. "$TOP/tests/lib.sh"
project
printf '\n[distro u22.04]\nbase = %s\n' "$BASE_IMAGE" >>orchgen.ini
mkdir -p "suites/main/with space"
printf 'summary: spaced\nexecute: true\n' >"suites/main/with space/task.yaml"
"$ORCHGEN" >"$T/out" 2>&1 || { cat "$T/out"; fail "orchgen failed"; }
grep -q '^rule test_u22.04$' build.ninja && grep -q '^rule variant_u22.04$' build.ninja || fail "no rules of u22.04's jobs"
key=$(sed -n 's/.*--distro u22.04 --image .orch\/image\/u22.04 --key \([0-9a-f]*\) --suite.*/\1/p' build.ninja | head -n 1)
[ -n "$key" ] || fail "no key in u22.04's rules"
shared="-f orchgen.ini --distro u22.04 --image .orch/image/u22.04 --key $key"
check() {	# check TARGET ARGS: the command of TARGET's job
	got=$(ninja -t commands "$1" | tail -n 1)
	[ "$got" = "$ORCHGEN test $shared $2" ] || fail "$1 runs: $got; expected: $ORCHGEN test $shared $2"
}
check test-u22.04/main/hello "--suite main/hello"
check test-u22.04/main/vars:two "--suite main/vars --variant two"
check "test-u22.04/main/with space" "--suite 'main/with space'"
ninja -n test-u22.04 >"$T/plan" 2>&1 || { cat "$T/plan"; fail "ninja -n test-u22.04 failed"; }
for job in main/hello main/vars:one main/vars:two "main/with space"; do
	grep -q "TEST u22.04:$job\$" "$T/plan" || fail "no TEST u22.04:$job in Ninja's plan"
done
