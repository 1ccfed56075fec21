# Suite names with shell and Ninja metacharacters run as themselves, injecting nothing.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
for s in "sp ace" 'dol$lar' "co:lon" "qu'ote" 'dq"uote' '$(touch INJECTED)' '`touch INJECTED`'; do
	mkdir -p "suites/$s"
	printf 'execute: echo "I am $ORCHGEN_SUITE"\n' >"suites/$s/task.yaml"
done
"$ORCHGEN"
ninja_ok
for s in "sp ace" 'dol$lar' "co:lon" "qu'ote" 'dq"uote' '$(touch INJECTED)' '`touch INJECTED`'; do
	for d in alpha beta; do
		grep -q '"status": "pass"' ".orch/results/$d/$s.json" || fail "$d:$s did not pass"
		grep -qxF "I am $s" ".orch/logs/$d/$s.log" || fail "$d:$s's log lacks its own name"
	done
done
[ "$(find .orch/results -name '*.json' | wc -l)" -eq 14 ] || fail "expected 14 result files"
[ -z "$(find "$T" -name INJECTED)" ] || fail "a suite name was run as a command"
