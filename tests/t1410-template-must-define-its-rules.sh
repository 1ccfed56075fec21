# A project's own build.ninja.in must define every rule the graph's edges
# use: one that lacks one is an error that names the rule and an edge that
# needs it (status 2), and build.ninja stays as it was, so that Ninja never
# meets an unknown rule. The shell and report rules are optional: without
# them there are no shell-D and report targets.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN" >/dev/null
cp build.ninja "$T/before"
sed '/^rule test$/,/^$/d' "$TOP/templates/build.ninja.in" >build.ninja.in
! grep -q '^rule test' build.ninja.in || fail "the fixture still has rule test"
expect_exit 2 "$ORCHGEN"
expect_output "^orchgen: build.ninja.in: no rule test, which the job of suite main/hello on alpha needs"
[ "$(grep -c 'no rule test' "$T/out")" -eq 1 ] || fail "the missing rule was said more than once"
cmp -s build.ninja "$T/before" || fail "build.ninja changed"
# Through ninja's regeneration too: ninja fails, build.ninja is kept.
touch orchgen.ini
ninja build.ninja >"$T/out" 2>&1 && fail "ninja regenerated from a template without rule test"
cmp -s build.ninja "$T/before" || fail "build.ninja changed under ninja"
# Without shell and report: the graph has neither target.
sed -e '/^rule shell$/,/^$/d' -e '/^rule report$/,$d' "$TOP/templates/build.ninja.in" >build.ninja.in
expect_exit 0 "$ORCHGEN"
ninja -t targets all >"$T/targets"
! grep -q '^shell-alpha:\|^report:' "$T/targets" || fail "shell-D or report without their rules"
grep -q '^test-alpha:' "$T/targets" || fail "no test-alpha target"
