# The repository's own matrix, with its own build.ninja.in: the bases, four
# debootstraps, run in the bootstrap pool, two at a time, and every other
# edge as the built-in template has it; the demo ends with the report
# target. Generated from a copy, so the checkout is not written to.
. "$TOP/tests/lib.sh"
mkdir -p "$T/own"
cp -R "$TOP/orchgen.ini" "$TOP/build.ninja.in" "$TOP/suites" "$TOP/docker" "$T/own/"
cd "$T/own"
# The sources, as paths only: what they hold does not shape the graph.
mkdir -p src templates tests/unit tests/golden
touch Makefile tests/lib.sh tests/t0201-golden.sh
expect_exit 0 "$ORCHGEN"
# pool_of OUT: the pool of the rule of OUT's edge.
pool_of() {
	rule=$(ninja -t query "$1" | sed -n 's/^  input: \([a-z]*\)$/\1/p' | head -1)
	awk -v r="$rule" '$1 == "rule" { in_r = ($2 == r) } in_r && $1 == "pool" { print $3; exit }' build.ninja
}
[ "$(awk '/^pool bootstrap$/ { getline; print }' build.ninja)" = "  depth = 2" ] || fail "no bootstrap pool of depth 2"
for d in bullseye bookworm trixie sid; do
	[ "$(pool_of ".orch/base/$d")" = bootstrap ] || fail "base-$d is not in the bootstrap pool: $(pool_of ".orch/base/$d")"
	[ "$(pool_of ".orch/image/$d")" = engine ] || fail "image-$d left the engine pool"
done
ninja -n all-distros >"$T/plan" 2>&1 || { cat "$T/plan"; fail "ninja -n all-distros failed"; }
[ "$(grep -c '] BASE ' "$T/plan")" -eq 4 ] || fail "the plan does not make four bases"
ninja -t targets all | grep -q '^report:' || fail "no report target"
grep -q '^ninja report' "$TOP/docker/demo.sh" || fail "the demo does not end with the report target"
