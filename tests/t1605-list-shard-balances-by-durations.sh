# orchgen list --shard=K/N balances the parts by how long each job ran when
# it last did (its result's start and end): the longest first, onto the
# part with the least to do; a job without a result counts as the mean of
# the others. --results=DIR reads the durations from results elsewhere.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"

# result DIR D S V SECONDS: a result of job D:S[:V] in DIR that took SECONDS.
result() {
	f="$1/$2/$3${4:+:$4}.json"
	mkdir -p "$(dirname "$f")"
	v=null
	[ -z "$4" ] || v="\"$4\""
	printf '{"distro": "%s", "suite": "%s", "variant": %s, "status": "pass", "exit_code": 0,\n"start": 1700000000.000, "end": %s, "duration": %s}\n' \
		"$2" "$3" "$v" "$((1700000000 + $5)).000" "$5" >"$f"
}

# Without results: by count, 3 and 3.
[ "$("$ORCHGEN" list --shard=1/2 | wc -l)" -eq 3 ] || fail "without durations the parts are not 3 and 3"

R=.orch/results
result $R alpha main/hello "" 90
result $R alpha main/vars one 10
result $R alpha main/vars two 10
result $R beta main/hello "" 10
result $R beta main/vars one 10
result $R beta main/vars two 10
[ "$("$ORCHGEN" list --shard=1/2 | cut -f1)" = alpha:main/hello ] || fail "the longest job does not have a part to itself"
[ "$("$ORCHGEN" list --shard=2/2 | wc -l)" -eq 5 ] || fail "the five short jobs are not together"

# A job without a result counts as the mean of the others (30s here):
# 90 -> 1, 30 -> 2, then the 10s onto part 2 until it has as much.
rm "$R/beta/main/hello.json"
[ "$("$ORCHGEN" list --shard=1/2 | cut -f1)" = alpha:main/hello ] || fail "a job without a result did not count as the mean"

# Durations from elsewhere: a merged run where beta:main/vars:two was slow.
for job in "alpha main/hello" "alpha main/vars one" "alpha main/vars two" "beta main/hello" "beta main/vars one"; do
	# shellcheck disable=SC2086
	set -- $job
	result "$T/merged" "$1" "$2" "${3:-}" 10
done
result "$T/merged" beta main/vars two 90
[ "$("$ORCHGEN" list --shard=1/2 --results="$T/merged" | cut -f1)" = beta:main/vars:two ] ||
	fail "--results did not supply the durations"
