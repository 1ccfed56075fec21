# retries, workspace-mode and missing-feature take only their forms: a bad
# value is an error at its line, and build.ninja is left as it was.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
cp build.ninja "$T/before"
for kv in "retries = 11|bad retries \"11\": expected a whole number from 0 to 10" \
	"retries = -1|bad retries \"-1\": expected a whole number from 0 to 10" \
	"workspace-mode = shared|bad workspace-mode \"shared\": expected ro, rw or copy" \
	"missing-feature = ignore|bad missing-feature \"ignore\": expected fail or skip"; do
	sed -i "3s/.*/${kv%%|*}/" orchgen.ini
	expect_exit 2 "$ORCHGEN"
	expect_output "orchgen.ini:3: ${kv#*|}"
	cmp -s build.ninja "$T/before" || fail "build.ninja changed after: ${kv%%|*}"
done
