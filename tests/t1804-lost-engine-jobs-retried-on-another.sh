# The second engine stopped in the middle of a run: the jobs it was
# running end with engine trouble and their retries run on the first
# engine; the stopped one takes no new job for the rest of the run. Every
# job passes, ninja exits 0, and no container of the project is left on
# the first engine; once the second answers again, orchgen gc removes the
# ones it stopped.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
for s in a b c d e f; do
	mkdir -p suites/nap/$s
	printf 'execute: sleep 3\n' >suites/nap/$s/task.yaml
done
second_engine
engines_ini 2 2
"$ORCHGEN" >/dev/null
ninja >"$T/ninja.out" 2>&1 &
npid=$!
i=0
until [ -n "$(docker2 ps -q --filter "label=orchgen.project=$PNAME" 2>/dev/null)" ]; do
	i=$((i + 1))
	[ $i -le 300 ] || { kill "$npid"; fail "no job started on the far engine"; }
	sleep 0.2
done
stop_second_engine keep
wait "$npid" || { cat "$T/ninja.out" >&2; fail "ninja failed after the far engine stopped"; }
n=0
for r in .orch/results/*/nap/*.json; do
	n=$((n + 1))
	grep -q '"status": "pass"' "$r" || fail "$r did not pass: $(cat "$r")"
done
[ "$n" -eq 12 ] || fail "$n results, expected 12"
grep -l '"engine": "here"' .orch/results/*/nap/*.json | xargs grep -l '"attempts": [2-9]' >/dev/null ||
	fail "no job was retried on the first engine"
grep -q 'engine far is down' "$T/ninja.out" || fail "the far engine was not marked down: $(cat "$T/ninja.out")"
[ -z "$(containers)" ] || fail "containers left on the first engine"
start_second_engine
"$ORCHGEN" gc >/dev/null
[ -z "$(docker2 ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "containers left on the far engine after gc"
