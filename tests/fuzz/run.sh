#!/bin/sh
# Runs each fuzz target that `make fuzz` built under OUT for SECONDS, one
# after the other (or only the NAMEs given), on its seed corpus, which is
# read and never written, plus a scratch corpus under OUT that keeps what
# earlier runs found. Prints one line per target; when one crashes, leaks,
# hits undefined behaviour or times out, its report and the reproducer's
# path, and the run fails.
# Usage: sh tests/fuzz/run.sh OUT SECONDS [NAME...]
set -u
cd "$(dirname "$0")/../.." || exit 2
out=$1 time=$2
shift 2
names=${*:-$(ls tests/fuzz/fuzz-*.c | sed 's|.*/fuzz-||; s|\.c$||')}
failed=0

for name in $names; do
	bin=$out/tests/fuzz/fuzz-$name
	work=$out/run/$name
	mkdir -p "$work/corpus" "$work/crashes" "$work/tmp"
	# -close_fd_mask=2: orchgen's warnings about bad input go nowhere;
	# libFuzzer and the sanitizers report on a copy of stderr it keeps.
	TMPDIR=$work/tmp "$bin" -max_total_time="$time" -timeout=10 -close_fd_mask=2 \
		-print_final_stats=1 -artifact_prefix="$work/crashes/" \
		"$work/corpus" "tests/fuzz/corpus/$name" >"$work/log" 2>&1
	status=$?
	rm -rf "$work/tmp"
	stats=$(grep -E '^#[0-9]+.*cov:' "$work/log" | tail -n 1 |
		sed -E 's/^#([0-9]+)[[:space:]]+[A-Z]+[[:space:]]+/\1 runs, /; s/ (lim|rss): [^ ]*//g')
	if [ $status -eq 0 ]; then
		echo "ok   $name (${time}s): $stats"
		continue
	fi
	failed=1
	echo "FAIL $name: status $status, log $work/log"
	grep -E '^(==[0-9]+==|SUMMARY|    #[0-9]|(Direct|Indirect) leak|.*runtime error)' "$work/log" |
		grep -v -E 'fuzzer::|libc_start|in _start|in main ' | head -n 30 | sed 's/^/     | /'
	sed -n 's/.*Test unit written to /     reproducer: /p' "$work/log"
done
exit $failed
