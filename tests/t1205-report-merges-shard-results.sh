# orchgen report --results=DIR, given once per CI shard, merges their
# results: one report of every job, each failure's log found beside the
# results it came with.
. "$TOP/tests/lib.sh"
base_image
report_project
mkdir -p "$T/shards/one" "$T/shards/two"
cp -R .orch "$T/shards/one/.orch"
rm -r "$T/shards/one/.orch/results/beta"
mkdir -p "$T/shards/two/.orch/results" "$T/shards/two/.orch/logs"
cp -R .orch/results/beta "$T/shards/two/.orch/results/beta"
cp -R .orch/logs/beta "$T/shards/two/.orch/logs/beta"
cd "$T"
expect_exit 1 "$ORCHGEN" report --results=shards/one/.orch/results --results=shards/two/.orch/results --junit=merged.xml
expect_output '^alpha  1 pass  1 fail  1 skip$'
expect_output '^beta   1 pass  1 fail  1 skip$'
expect_output '^      log: shards/two/.orch/logs/beta/broken.log$'
grep -q 'about to break &lt;&amp;&gt; on beta' merged.xml || fail "the merged JUnit lacks beta's log tail"
expect_exit 2 "$ORCHGEN" report --results=nowhere
