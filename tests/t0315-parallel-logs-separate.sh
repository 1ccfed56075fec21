# Parallel jobs each write a log of their own: no other job's output in it.
. "$TOP/tests/lib.sh"
base_image
project
sed -i 's/^jobs = .*/jobs = 4/' orchgen.ini
for s in p1 p2 p3 p4; do
	mkdir -p "suites/par/$s"
	printf 'execute: |\n  for i in 1 2 3 4 5; do echo "job=$ORCHGEN_JOB"; sleep 0.2; done\n' >"suites/par/$s/task.yaml"
done
"$ORCHGEN"
grep -q '^jobs = 4$' build.ninja || fail "jobs = 4 did not reach build.ninja"
ninja_ok -j 8
n=0
for log in $(find .orch/logs -path '*/par/*' -name '*.log'); do
	id=$(echo "$log" | sed 's|^\.orch/logs/\([^/]*\)/\(.*\)\.log$|\1:\2|')
	[ "$(grep -c "^job=$id\$" "$log")" -eq 5 ] || fail "$log lacks its own 5 lines"
	[ "$(grep -c '^job=' "$log")" -eq 5 ] || fail "$log holds another job's output: $(grep '^job=' "$log" | sort -u)"
	n=$((n + 1))
done
[ "$n" -eq 8 ] || fail "expected 8 logs, found $n"
