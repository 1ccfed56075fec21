# The corpus generates a build.ninja that Ninja accepts, and every target
# that `orchgen list --format=targets` prints is one of its targets.
. "$TOP/tests/lib.sh"
cp -R "$TOP/tests/corpus" "$T/corpus"
cd "$T/corpus"
"$ORCHGEN" 2>/dev/null || fail "orchgen failed on the corpus"
ninja -n >"$T/plan" 2>&1 || { cat "$T/plan" >&2; fail "ninja -n rejected build.ninja"; }
"$ORCHGEN" list --format=targets >"$T/targets" 2>/dev/null
[ "$(wc -l <"$T/targets")" -eq "$(grep -vc 'manual$' expected-list.txt)" ] || fail "not one target per automatic job"
xargs ninja -t query <"$T/targets" >"$T/query" 2>&1 || { cat "$T/query" >&2; fail "a printed target is not in build.ninja"; }
