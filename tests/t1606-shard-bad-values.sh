# A --shard that is not K/N with 1 <= K <= N, a --shards that is not N >= 1,
# and --results for list without --shard, are usage errors (status 2) that
# say what was expected.
. "$TOP/tests/lib.sh"
project
for bad in 0/2 3/2 a/b 1/0 '' 1 1/ /2 -1/2 1/2/3 ' 1/2' 99999999999/99999999999; do
	expect_exit 2 "$ORCHGEN" list --shard="$bad"
	expect_output "^orchgen: --shard=$bad: expected K/N, whole numbers with 1 <= K <= N (part K of N)$"
done
expect_exit 2 "$ORCHGEN" list --targets --shard=3/2 beta
expect_output 'expected K/N'
expect_exit 2 "$ORCHGEN" list --results=.orch/results
expect_output 'expected --shard=K/N too'
for bad in 0 x 2/2 ''; do
	expect_exit 2 "$ORCHGEN" keys --format=github-matrix --shards="$bad"
	expect_output "^orchgen: --shards=$bad: expected N, a whole number of 1 or more$"
done
expect_exit 2 "$ORCHGEN" keys --shards=2
expect_output 'only with --format=github-matrix'
