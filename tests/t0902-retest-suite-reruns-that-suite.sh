# retest-D/S reruns that suite's job on D, every variant of it when it has
# variants; retest-D/S:V one variant.
. "$TOP/tests/lib.sh"
built_project
ninja_ok retest-alpha/main/hello
[ "$(count TEST)" -eq 1 ] && grep -q 'TEST alpha:main/hello$' "$T/ninja.out" ||
	{ cat "$T/ninja.out"; fail "retest-alpha/main/hello did not run that job alone"; }
ninja_ok retest-alpha/main/vars
[ "$(count TEST)" -eq 2 ] && grep -q 'TEST alpha:main/vars:one$' "$T/ninja.out" && grep -q 'TEST alpha:main/vars:two$' "$T/ninja.out" ||
	{ cat "$T/ninja.out"; fail "retest-alpha/main/vars did not run its two variants alone"; }
ninja_ok retest-alpha/main/vars:two
[ "$(count TEST)" -eq 1 ] && grep -q 'TEST alpha:main/vars:two$' "$T/ninja.out" ||
	{ cat "$T/ninja.out"; fail "retest-alpha/main/vars:two did not run that variant alone"; }
