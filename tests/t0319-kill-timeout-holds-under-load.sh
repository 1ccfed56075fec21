# With six jobs at once whose kill-timeout is 2s, every one ends as timeout
# within seconds of its deadline, and no container is left.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
for i in 1 2 3 4 5 6; do
	mkdir -p suites/hang$i
	printf 'kill-timeout: 2s\nexecute: sleep 120\n' >suites/hang$i/task.yaml
done
sed -i 's/^jobs = .*/jobs = 6/' orchgen.ini
"$ORCHGEN" --distros=alpha
ninja_ok images
start=$(date +%s)
expect_exit 1 ninja -k 0 -j6 test-alpha
took=$(( $(date +%s) - start ))
for i in 1 2 3 4 5 6; do
	grep -q '"status": "timeout"' .orch/results/alpha/hang$i.json || fail "hang$i did not time out"
	d=$(sed -n 's/^  "duration": \([0-9]*\).*/\1/p' .orch/results/alpha/hang$i.json)
	[ "$d" -le 15 ] || fail "hang$i ran ${d}s with a 2s kill-timeout"
done
[ -z "$(containers)" ] || fail "containers are left: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
[ "$took" -le 30 ] || fail "six 2s jobs took ${took}s"
