#!/bin/sh
# tests/run.sh [-j N] [TEST]...: runs the C unit tests (tests/unit/test-*)
# and tests/t*.sh (golden, bad input, end to end), N at a time. N is twice
# the number of cores by default: a test spends much of its time waiting,
# on the engine, on sleeps and on backoffs. A TEST is a name or a glob:
# t0312-kill-timeout, t0312, 't03*', unit/test-hash; TESTS="t01* t02*"
# selects too. Prints a line per test as it ends, the ten slowest, and
# last "N passed, N failed". A test still running after TEST_TIMEOUT
# seconds (600 by default) is stopped, with its children, and fails.
#
# A run has an id, exported to the tests: every project name and image of
# the run carries it, so runs and checkouts sharing an engine never meet.
# The images the tests share (tests/fixtures.sh: the busybox base,
# orchtest-busybox-RUN:1, and what most tests build on it) are made once
# and removed at the end; a Debian root filesystem that a test's recipe
# asks for is made once, in the background from the start. The run's
# directory, tests/tmp/run-RUN/ (tests/tmp/last), keeps a log per test and
# the scratch of each test that failed.
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)

usage() { echo "usage: tests/run.sh [-j N] [TEST|GLOB]..." >&2; exit 2; }
limit=${TEST_TIMEOUT:-600}
case $limit in '' | *[!0-9]* | 0) echo "tests/run.sh: TEST_TIMEOUT=$limit: expected seconds" >&2; exit 2 ;; esac
jobs=$((2 * $(nproc 2>/dev/null || echo 1)))
while getopts j: opt; do
	case $opt in j) jobs=$OPTARG ;; *) usage ;; esac
done
shift $((OPTIND - 1))
case $jobs in '' | *[!0-9]* | 0) usage ;; esac

all=""
for t in tests/unit/test-*; do
	case $t in *.c | *.h) continue ;; esac
	[ -x "$t" ] && all="$all unit/${t#tests/unit/}"
done
for t in tests/t[0-9]*.sh; do
	t=${t#tests/}
	all="$all ${t%.sh}"
done

# Select: a pattern matches a name, or its number (t0312 for t0312-...).
set -f
[ $# -gt 0 ] || set -- ${TESTS:-*}
selected="" count=0
for p; do
	p=${p#tests/} p=${p%.sh} hit=""
	for name in $all; do
		case $name in $p | $p-*) ;; *) continue ;; esac
		hit=1
		case " $selected " in *" $name "*) continue ;; esac
		selected="$selected $name" count=$((count + 1))
	done
	[ -n "$hit" ] || { echo "tests/run.sh: no test matches $p" >&2; exit 2; }
done
[ "$jobs" -le "$count" ] || jobs=$count

RUN=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
run=tests/tmp/run-$RUN
mkdir -p "$run/claim/unit" "$run/unit" "$run/pid" || exit 2
find tests/tmp -mindepth 1 -maxdepth 1 -name 'run-*' -mtime +1 -exec rm -rf {} + 2>/dev/null
ln -sfn "run-$RUN" tests/tmp/last
export TOP="$top" TESTS_TMP="$top/$run" ORCHTEST_RUN="$RUN"
export ORCHTEST_BASE_IMAGE="orchtest-busybox-$RUN:1" ORCHTEST_CACHE="$top/$run/cache"

interrupted=""
trap 'interrupted=1' HUP INT TERM
began=$(date +%s)
files() { for name in $selected; do case $name in unit/*) ;; *) echo "tests/$name.sh" ;; esac; done; }
base=""
if [ -n "$(files)" ] && grep -lq 'base_image\|built_project' $(files); then
	base=$ORCHTEST_BASE_IMAGE
	sh tests/fixtures.sh >"$run/fixtures.log" 2>&1 # on failure, each test says why
fi
# Processes in a session of their own, so that an interrupted run can end
# each with its children (kill_all).
setsid=$(command -v setsid)
kill_all() {
	set +f
	for f in "$run"/pid/*; do
		[ -z "$setsid" ] || [ ! -e "$f" ] || kill -s TERM -- "-$(cat "$f")" 2>/dev/null
	done
	set -f
}
for release in $([ -z "$(files)" ] || sed -n 's/.*debian-rootfs\.sh[^ ]* \([a-z][a-z]*\).*/\1/p' $(files) | sort -u); do
	$setsid sh tests/debian-rootfs.sh "$release" >"$run/debian-rootfs-$release.log" 2>&1 </dev/null &
	echo $! >"$run/pid/debian-rootfs-$release"
done

# Each worker claims the next test nobody claimed, runs it, and reports
# "STATUS SECONDS NAME" on fd 3: only this shell prints.
worker() {
	for name in $selected; do
		[ ! -e "$run/stop" ] || break
		mkdir "$run/claim/$name" 2>/dev/null || continue
		case $name in unit/*) cmd="tests/$name" ;; *) cmd="sh tests/$name.sh" ;; esac
		start=$(date +%s)
		# timeout ends the test's whole process group when the time is up
		$setsid timeout -k 10 "$limit" $cmd >"$run/$name.log" 2>&1 </dev/null 3>&- &
		echo $! >"$run/pid/worker$1"
		rc=0
		wait $! || rc=$?
		status=ok
		[ "$rc" -eq 0 ] || status=FAIL
		[ "$rc" -ne 124 ] || echo "tests/run.sh: $name stopped after ${limit}s (TEST_TIMEOUT)" >>"$run/$name.log"
		rm -f "$run/pid/worker$1"
		[ ! -e "$run/$name/engine-used" ] || : >"$run/engine-used"
		[ "$status" = FAIL ] || rm -rf "$run/$name"
		echo "$status $(($(date +%s) - start)) $name" >&3
	done
}

mkfifo "$run/results" && exec 3<>"$run/results" || exit 2
i=0
while [ $i -lt "$jobs" ] && [ -z "$interrupted" ]; do
	worker $i &
	i=$((i + 1))
done

passed=0 failed=0
while [ $((passed + failed)) -lt "$count" ] && [ -z "$interrupted" ]; do
	read -r status secs name <&3 || continue
	echo "$secs $name" >>"$run/times"
	if [ "$status" = ok ]; then
		passed=$((passed + 1))
		echo "ok   $name (${secs}s)"
	else
		failed=$((failed + 1))
		echo "FAIL $name (${secs}s)"
		tail -n 40 "$run/$name.log" | sed 's/^/     | /'
	fi
done
[ -z "$interrupted" ] || : >"$run/stop"
kill_all	# the tests when interrupted; a fixture nobody waits for any more
wait

# Only now that every test is done: whatever an interrupted test left in the
# engine (labelled or named with the run's id), then the busybox base.
if [ -n "$base" ] || [ -e "$run/engine-used" ] || [ -n "$interrupted" ]; then
	docker ps -a --filter label=orchgen.project --format '{{.ID}} {{.Label "orchgen.project"}}' 2>/dev/null |
		awk -v run="-$RUN" 'substr($2, length($2) - length(run) + 1) == run { print $1 }' | xargs -r docker rm -f >/dev/null 2>&1
	docker images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -- "-$RUN-" | xargs -r docker rmi -f >/dev/null 2>&1
fi
if [ -n "$base" ] && docker image inspect "$base" >/dev/null 2>&1; then
	docker rmi "$base" >/dev/null 2>&1 || echo "tests/run.sh: could not remove $base" >&2
fi
rm -rf "$run/cache" "$run/claim" "$run/pid" "$run/results" "$run/fixtures"

if [ -s "$run/times" ]; then
	echo "slowest:"
	sort -rn "$run/times" | head -n 10 | awk '{ printf "  %4ds %s\n", $1, $2 }'
fi
echo "$count tests in $(($(date +%s) - began))s, $jobs at a time${interrupted:+, interrupted}"
[ "$failed" -eq 0 ] || echo "logs: $run/"
echo "$passed passed, $failed failed${interrupted:+, $((count - passed - failed)) unfinished}"
[ "$failed" -eq 0 ] && [ -z "$interrupted" ]
