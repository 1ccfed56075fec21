# spread.yaml's rename: each sed expression, as tar's --transform takes it,
# maps the paths of the project in each job's copy at path (exclude still
# applies); an expression that is not one is refused at its line.
. "$TOP/tests/lib.sh"
spread_project rename
"$ORCHGEN" >/dev/null
ninja_ok
grep -qx renamed .orch/logs/alpha/tests/main/renamed.log || fail "the task did not see the renamed copy"
cp build.ninja "$T/before.ninja"
sed -i "s|^    - 's/\\\\.in\$/.txt/'\$|    - 's/x/y'|" spread.yaml
grep -q "^    - 's/x/y'\$" spread.yaml || fail "the test could not break spread.yaml"
set +e
"$ORCHGEN" 2>"$T/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "a bad rename expression: exit $rc, expected 2"
grep -q "spread.yaml:9:7: rename: \"s/x/y\": expected a sed expression" "$T/err" ||
	{ cat "$T/err" >&2; fail "the refusal does not name the expression's line"; }
cmp -s build.ninja "$T/before.ninja" || fail "build.ninja changed after the refusal"
