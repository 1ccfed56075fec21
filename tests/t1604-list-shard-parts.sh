# orchgen list --shard=K/N: the N parts are disjoint and together exactly
# the jobs that would run, in every format, with filters and --distros; without
# recorded durations they differ by one job at most; the same inputs give
# the same parts.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/main/by-hand suites/other
printf 'execute: echo\nmanual: true\n' >suites/main/by-hand/task.yaml
printf 'execute: echo\n' >suites/other/task.yaml
"$ORCHGEN"

# parts N ARGS...: every part of N, one job a line, the part's number first.
parts() {
	n=$1
	shift
	for k in $(seq 1 "$n"); do
		"$ORCHGEN" list --shard="$k/$n" "$@" >"$T/part" || fail "list --shard=$k/$n $* failed"
		sed "s/^/$k /" "$T/part"
	done
}

for n in 1 2 3 5 9 12; do
	for args in "--targets" "--format=targets beta" "--targets main/..." "--distros=beta --targets main/" "--format=text"; do
		# shellcheck disable=SC2086
		parts "$n" $args >"$T/parts"
		if [ "$args" = --format=text ]; then
			"$ORCHGEN" list | grep -v '	manual' | sort >"$T/want"
		else
			# shellcheck disable=SC2086
			"$ORCHGEN" list $args | sort >"$T/want"
		fi
		cut -d' ' -f2- "$T/parts" | sort >"$T/got"
		[ "$(sort -u "$T/got" | wc -l)" -eq "$(wc -l <"$T/got")" ] || fail "--shard=K/$n $args: a job is in two parts"
		cmp -s "$T/got" "$T/want" || { diff "$T/want" "$T/got" >&2; fail "the parts of $n ($args) are not the selection"; }
		sizes=$(cut -d' ' -f1 "$T/parts" | uniq -c | awk '{print $1}' | sort -n)
		[ "$n" -gt "$(wc -l <"$T/want")" ] || [ "$(($(echo "$sizes" | tail -1) - $(echo "$sizes" | head -1)))" -le 1 ] ||
			fail "the parts of $n ($args) differ by more than one job: $(echo $sizes)"
	done
done

# The formats split alike: part 2 of 3 as text, JSON and targets.
"$ORCHGEN" list --shard=2/3 | cut -f1 >"$T/text"
"$ORCHGEN" list --shard=2/3 --format=json | sed -n 's/.*"job": "\([^"]*\)".*/\1/p' >"$T/json"
"$ORCHGEN" list --shard=2/3 --targets | sed 's/^test-//; s|/|:|' >"$T/targets"
cmp -s "$T/text" "$T/json" || fail "part 2 of 3 differs between text and JSON"
cmp -s "$T/text" "$T/targets" || fail "part 2 of 3 differs between text and targets"
# The same inputs, the same parts.
"$ORCHGEN" list --shard=2/3 | cut -f1 | cmp -s - "$T/text" || fail "a second listing of part 2 of 3 differs"
# A manual job named alone is the one job there is.
[ "$("$ORCHGEN" list --shard=1/2 --targets alpha:main/by-hand)" = test-alpha/main/by-hand ] || fail "a manual job named alone is in no part"
[ -z "$("$ORCHGEN" list --shard=2/2 --targets alpha:main/by-hand)" ] || fail "one job is in two parts"
