# Shards' results merge by copying directories: each shard runs its part
# (orchgen list --shard=K/N --targets) on a runner of its own; no two
# shards write a file of one name in .orch/results or .orch/logs, so their
# directories copied into one are every job's result, and orchgen report
# on the copy says what a run of the whole matrix says, logs and all.
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 "$ORCHGEN" report --json="$T/whole.json"
ORIG=$P
mkdir -p "$T/merged"
for K in 1 2 3; do
	P=$ORIG
	fresh_runner "$T/shard-$K"
	"$ORCHGEN" >/dev/null
	"$ORCHGEN" list --shard="$K/3" --targets >"$T/targets"
	[ -s "$T/targets" ] || fail "shard $K of 3 has no job"
	# shellcheck disable=SC2046
	ninja -k 0 $(cat "$T/targets") >"$T/ninja.out" 2>&1 || true
	(cd .orch && find results logs -type f) >>"$T/files"
	cp -R .orch/results .orch/logs "$T/merged/"
done
[ -z "$(sort "$T/files" | uniq -d)" ] || fail "two shards wrote $(sort "$T/files" | uniq -d | head -1)"
expect_exit 1 "$ORCHGEN" report --results="$T/merged/results" --json="$T/merged.json"
expect_output "^      log: $T/merged/logs/beta/broken.log$"
# In a checkout, the copy in its .orch: the report of the matrix, nothing not run.
P=$ORIG
fresh_runner "$T/report"
mkdir .orch
cp -R "$T/merged/results" "$T/merged/logs" .orch/
expect_exit 1 "$ORCHGEN" report --json="$T/checkout.json"
! grep -q 'not run' "$T/out" || fail "the merged results leave a job not run"
python3 - "$T" <<'PY' || fail "the merged report differs from the whole run's"
import json, sys
t = sys.argv[1]
def statuses(name):
    return {j["job"]: (j["status"], j["reason"]) for j in json.load(open(t + "/" + name))["jobs"]}
whole = statuses("whole.json")
assert len(whole) == 6, whole
assert statuses("merged.json") == whole, statuses("merged.json")
assert statuses("checkout.json") == whole, statuses("checkout.json")
PY
