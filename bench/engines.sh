#!/bin/sh
# bench/engines.sh: one matrix on one engine against the same matrix on two
# (the second a dockerd that shares no files with this host, started here in
# mount and network namespaces of its own, as tests/second-engine.sh does).
# The jobs sleep, so the ratio shows scheduling, not CPU. Prints both times
# and the ratio one-engine / two-engine; a failed run makes the exit status
# non-zero.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ORCHGEN=${ORCHGEN:-$top/orchgen}
NAME=orchgen-bench-engines
BASE=orchgen-busybox:1
TMP=$top/bench/tmp-engines
P=$TMP/project
NSUITES=8 SLEEP=2 SLOTS=2
export XDG_CONFIG_HOME="$TMP/config"

die() { echo "bench: $*" >&2; exit 1; }
now() { date +%s.%N; }
E2DIR="" E2PID=""
cleanup() {
	docker images -a -q --filter "label=orchgen.project=$NAME" | sort -u |
		xargs -r docker rmi -f >/dev/null 2>&1 || true
	if [ -n "$E2PID" ]; then
		kill "$E2PID" 2>/dev/null || true
		i=0
		while kill -0 "$E2PID" 2>/dev/null && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.2; done
		kill -9 "$E2PID" 2>/dev/null || true
	fi
	[ -z "$E2DIR" ] || rm -rf "$E2DIR"
}

[ -x "$ORCHGEN" ] || die "no $ORCHGEN: run make first"
command -v unshare >/dev/null || die "unshare is not installed"
docker info >/dev/null 2>&1 || die "no Docker engine answers"
sh "$top/docker/busybox-base.sh" "$BASE"
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$TMP"
mkdir -p "$P/suites" "$XDG_CONFIG_HOME"

E2DIR=$(mktemp -d "${TMPDIR:-/tmp}/orchgen-bench-e2-XXXXXX")
unshare --mount --net sh "$top/tests/second-engine.sh" "$E2DIR" "$TMP" >"$E2DIR/log" 2>&1 &
E2PID=$!
i=0
until docker -H "unix://$E2DIR/sock" version >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -le 150 ] && kill -0 "$E2PID" 2>/dev/null || { tail "$E2DIR/log" >&2; die "the second dockerd did not start"; }
	sleep 0.2
done

for d in alpha beta; do printf '[distro %s]\nbase = %s\n\n' "$d" "$BASE"; done >"$TMP/distros.ini"
i=0
while [ $i -lt $NSUITES ]; do
	mkdir -p "$P/suites/s$i"
	printf 'execute: sleep %s\n' "$SLEEP" >"$P/suites/s$i/task.yaml"
	i=$((i + 1))
done
matrix() {	# matrix ENGINES-INI: orchgen.ini with those [engine] sections
	{ printf '[project]\nname = %s\n\n' "$NAME"; cat "$TMP/distros.ini"; printf '%s\n' "$1"; } >"$P/orchgen.ini"
}
run() {	# run LOG: every job again (retest), timed into $took
	(cd "$P" && "$ORCHGEN" >/dev/null && ninja images >/dev/null) || die "the images failed"
	t0=$(now)
	(cd "$P" && ninja retest-alpha retest-beta) >"$1" 2>&1 || { tail -n 30 "$1" >&2; die "the run failed (see $1)"; }
	took=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }')
}

one="[engine here]
jobs = $SLOTS"
two="$one

[engine far]
host = unix://$E2DIR/sock
jobs = $SLOTS"
matrix "$two"
run "$TMP/warm-up.log"		# the far engine gets its images once, untimed
matrix "$one"
run "$TMP/one.log"
t1=$took
matrix "$two"
run "$TMP/two.log"
t2=$took
far=$(grep -l '"engine": "far"' "$P"/.orch/results/*/*.json | wc -l)
[ "$far" -gt 0 ] || die "no job ran on the second engine"
echo
echo "2 distros x $NSUITES suites, each job sleeps ${SLEEP}s; $SLOTS slots per engine; the second engine shares no files (copies)."
printf '%-12s %8s\n' engines seconds
printf '%-12s %8.2f\n' one "$t1" two "$t2"
awk -v a="$t1" -v b="$t2" 'BEGIN { printf "ratio one/two: %.2fx\n", a / b }'
