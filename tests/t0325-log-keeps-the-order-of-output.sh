# A job's log holds its output in the order it was written, stdout and
# stderr alike (the engine carries them as two streams, which lose their
# order): each section's mark comes before what the section printed, and
# a failure's message is in the tail printed on the terminal.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
for i in 1 2 3 4; do
	mkdir -p "suites/order/s$i"
	cat >"suites/order/s$i/task.yaml" <<YAML
summary: interleaves its two streams
execute: |
  i=0
  while [ \$i -lt 40 ]; do echo "out \$i"; echo "err \$i" >&2; i=\$((i + 1)); done
  ls /nonexistent-$i
YAML
done
"$ORCHGEN" --distros=alpha >/dev/null
expect_exit 1 ninja -k 0 -j 8 test-alpha/order
i=0; want=$(printf -- '--- execute\n'; while [ $i -lt 40 ]; do printf 'out %s\nerr %s\n' $i $i; i=$((i + 1)); done)
for i in 1 2 3 4; do
	log=.orch/logs/alpha/order/s$i.log
	got=$(grep -v '^ls: \|^orchgen: ' "$log" | head -n 81)
	[ "$got" = "$want" ] || fail "$log is out of order: $(head -n 6 "$log")"
	grep -q "nonexistent-$i" "$T/out" ||
		fail "the failure of s$i is not in the tail on the terminal"
done
