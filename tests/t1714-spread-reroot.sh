# spread.yaml's reroot names the project's root, relative to spread.yaml's
# directory: the suites are found there and each job's copy at path is made
# from there. A root outside orchgen's project is refused at its line.
. "$TOP/tests/lib.sh"
spread_project reroot
"$ORCHGEN" >/dev/null
ninja_ok
grep -qx rerooted .orch/logs/alpha/tests/main/where.log || fail "the task did not run in the rerooted copy"
sed -i 's|^reroot: ..$|reroot: ../..|' ci/spread.yaml
cp build.ninja "$T/before.ninja"
set +e
"$ORCHGEN" 2>"$T/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "a root outside the project: exit $rc, expected 2"
grep -q 'ci/spread.yaml:5:9: reroot: "../..": expected a directory inside the project' "$T/err" ||
	{ cat "$T/err" >&2; fail "the refusal does not name reroot's line"; }
cmp -s build.ninja "$T/before.ninja" || fail "build.ninja changed after the refusal"
