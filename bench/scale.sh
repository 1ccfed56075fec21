#!/bin/sh
# bench/scale.sh: how orchgen's own overhead grows, against its floors,
# side by side in one run (pairs by bench/pair.py); nothing is asserted.
# - generation of 8 distros x N suites (bench/mkproject.py), N = 100, 1000,
#   5000 (and 20 000 with BENCH_BIG=1), warm (build.ninja already there),
#   against a bare libyaml parse of the same task files (bench/yaml-floor.c):
#   wall time, and instructions counted by callgrind, which load does not
#   change; with the size of build.ninja, orchgen's peak memory and Ninja's
#   own load of the file: `ninja -n` (wall), and instructions of its load
#   alone (`ninja -t query`) and of `ninja -n`, at 1000 suites against the
#   figures of the generator before the scaling work;
# - generation over a spread corpus (tests/corpus copied to 1002 tasks) on
#   12 systems, cold (no .orch, no build.ninja);
# - a no-op `ninja` with D = 4, 16, 64 distros and every image present,
#   against Ninja's own no-op on the same graph (the same file without the
#   probe, so that nothing at all runs), with the programs each one runs,
#   counted with strace.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ORCHGEN=${ORCHGEN:-$top/orchgen}
TMP=$top/bench/tmp/scale
RUNS=${RUNS:-5}
SIZES="100 1000 5000"
[ "${BENCH_BIG:-0}" = 1 ] && SIZES="$SIZES 20000"
NAME=orchgen-scale		# image repos and the orchgen.project label
# Ninja 1.11.1's instructions on 8 x 1000 suites with the generator before
# the scaling work (an edge per retest, args on every job): its load alone
# and `ninja -n` (bench/README.md).
BEFORE_LOAD=618560043 BEFORE_N=867181514
BASE=orchgen-busybox:1
export XDG_CONFIG_HOME="$TMP/config"	# a user's own config.ini stays out

die() { echo "bench: $*" >&2; exit 1; }
clean_images() {
	docker images -a -q --filter "label=orchgen.project=$NAME" | sort -u |
		xargs -r docker rmi -f >/dev/null 2>&1 || true
}
# median RUNS COMMAND: the median wall seconds of COMMAND (sh -c), output dropped
median() {
	python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2]
times = []
for _ in range(runs):
    t = time.monotonic()
    subprocess.run(["sh", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.monotonic() - t)
print("%.3f" % statistics.median(times))
PY
}
# instructions COMMAND...: what callgrind counts for COMMAND, its children excluded
instructions() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *//p'
}
# programs LOG COMMAND...: how many programs COMMAND ran (itself excluded)
programs() {
	log=$1; shift
	command -v strace >/dev/null || { echo "n/a"; return; }
	strace -f -qq -e trace=execve -o "$log" "$@" >/dev/null 2>&1
	echo $(($(grep -c 'execve(.*= 0$' "$log") - 1))
}

[ -x "$ORCHGEN" ] || die "no $ORCHGEN: run make first"
command -v valgrind >/dev/null || die "valgrind is not installed"
rm -rf "$TMP"
mkdir -p "$TMP" "$XDG_CONFIG_HOME"
cc -O2 -o "$TMP/yaml-floor" "$top/bench/yaml-floor.c" $(pkg-config --cflags --libs yaml-0.1)

# --- generation ----------------------------------------------------------------
printf '%s\n' "generation, 8 distros x N suites, warm; floor = a bare libyaml parse of the same files" \
	"(wall: medians of $RUNS pairs; Ir: instructions by callgrind; xN/1000: Ir over the 1000 figure)" ""
printf '%6s %6s %8s %8s %6s %13s %13s %6s %8s %8s %8s %8s %13s %13s\n' suites jobs orchgen floor ratio \
	"orchgen Ir" "floor Ir" ratio xN/1000 MiB "file MB" "ninja -n" "ninja load Ir" "ninja -n Ir"
ir1000=
for n in $SIZES; do
	p=$TMP/s$n
	python3 "$top/bench/mkproject.py" suites "$p" "$n"
	jobs=$(cd "$p" && "$ORCHGEN" 2>&1 | sed -n 's/.*suites, \([0-9]*\) jobs$/\1/p')
	set -- $(python3 "$top/bench/pair.py" "$RUNS" "cd $p && $ORCHGEN" "$TMP/yaml-floor $p/suites")
	wall_o=$4 wall_f=$5 wall_r=$6
	ir_o=$(cd "$p" && instructions "$ORCHGEN")
	ir_f=$(instructions "$TMP/yaml-floor" "$p/suites")
	[ "$n" = 1000 ] && ir1000=$ir_o
	mib=$(cd "$p" && /usr/bin/time -f %M "$ORCHGEN" 2>&1 >/dev/null | tail -n 1)
	size=$(wc -c <"$p/build.ninja")
	load=$(median "$RUNS" "cd $p && ninja -n")
	ir_load=$(cd "$p" && instructions ninja -t query all-distros)
	ir_n=$(cd "$p" && instructions ninja -n)
	[ "$n" = 1000 ] && nload1000=$ir_load n1000=$ir_n
	# Counts as %.0f: the %d of some awks stops at 2^31 - 1, which 20 000 suites pass.
	awk -v n="$n" -v j="$jobs" -v wo="$wall_o" -v wf="$wall_f" -v wr="$wall_r" -v io="$ir_o" \
		-v if_="$ir_f" -v i1="$ir1000" -v k="$mib" -v s="$size" -v l="$load" -v il="$ir_load" -v in_="$ir_n" 'BEGIN {
		printf "%6d %6d %7.3fs %7.3fs %5.1fx %13.0f %13.0f %5.2fx %8s %8.1f %8.2f %7.3fs %13.0f %13.0f\n",
			n, j, wo, wf, wr, io, if_, io / if_, i1 ? sprintf("%.2fx", io / i1) : "-",
			k / 1024, s / 1e6, l, il, in_ }'
done
[ -n "${n1000:-}" ] && awk -v l="$nload1000" -v n="$n1000" -v bl="$BEFORE_LOAD" -v bn="$BEFORE_N" 'BEGIN {
	printf "\nNinja at 8 x 1000 against the generator before the scaling work: load %.0f M / %.0f M = %.2fx;" \
		" ninja -n %.0f M / %.0f M = %.2fx (instructions)\n", l / 1e6, bl / 1e6, l / bl, n / 1e6, bn / 1e6, n / bn }'
# What the per-job targets (test-D/S, test-D/S:V: a phony of one stamp
# each, named by no other edge) cost Ninja: the same file without them.
if [ -n "${n1000:-}" ]; then
	p=$TMP/s1000
	python3 - "$p/build.ninja" "$p/nojobs.ninja" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
lines = open(src).read().split("\n")
named = set()
for l in lines:
    if l.startswith("build ") and ": " in l:
        named.update(l.split(": ", 1)[1].split()[1:])
out = []
for l in lines:
    if l.startswith("build test-") and ": phony " in l:
        target, rest = l[6:].split(": phony ", 1)
        if " " not in rest and rest.startswith(".orch/stamp/") and target not in named:
            continue
    out.append(l)
open(dst, "w").write("\n".join(out))
PY
	ir_nj=$(cd "$p" && instructions ninja -n -f nojobs.ninja)
	awk -v a="$n1000" -v b="$ir_nj" -v bn="$BEFORE_N" 'BEGIN {
		printf "the per-job targets (test-D/S[:V], one phony each) are %.0f M of ninja -n; without them %.0f M = %.2fx the before figure\n",
			(a - b) / 1e6, b / 1e6, b / bn }'
fi

# --- a spread corpus, cold ---------------------------------------------------------
p=$TMP/corpus
python3 "$top/bench/mkproject.py" corpus "$p" "$top" 1002
jobs=$(cd "$p" && "$ORCHGEN" 2>&1 | sed -n 's/.*suites, \([0-9]*\) jobs$/\1/p')
cold=$(median "$RUNS" "cd $p && rm -rf .orch build.ninja && $ORCHGEN")
ir=$(cd "$p" && rm -rf .orch build.ninja && instructions "$ORCHGEN")
echo
echo "generation over tests/corpus copied to 1002 tasks x 12 systems ($jobs jobs), cold: ${cold}s, $ir instructions"

# --- no-op ninja -----------------------------------------------------------------
command -v ninja >/dev/null || die "ninja is not installed"
docker info >/dev/null 2>&1 || die "no Docker engine answers"
sh "$top/docker/busybox-base.sh" "$BASE"
clean_images
trap clean_images EXIT
trap 'exit 130' INT TERM
noop_project() {	# noop_project DIR D: D distros on the busybox base, 2 suites
	mkdir -p "$1/docker" "$1/suites/a/one" "$1/suites/a/two"
	{ printf '[project]\nname = %s\njobs = 4\n' "$NAME"
	  i=0; while [ $i -lt "$2" ]; do printf '\n[distro d%02d]\nbase = %s\n' $i "$BASE"; i=$((i + 1)); done
	} >"$1/orchgen.ini"
	printf 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo ready >/ready\n' >"$1/docker/Dockerfile"
	printf 'summary: one\nexecute: test -f /ready\n' >"$1/suites/a/one/task.yaml"
	printf 'summary: two\nexecute: echo two\n' >"$1/suites/a/two/task.yaml"
}
echo
echo "no-op ninja, every image present, against Ninja's own no-op on the same graph (no probe)"
echo "(medians of $RUNS pairs: wall, which includes the engine's answer, and CPU of ninja and what it ran;"
echo " programs: what each ninja ran, by strace)"
echo
printf '%8s %6s %9s %9s %7s %9s %9s %7s %9s %9s\n' distros jobs "wall" "ninja's" ratio "CPU" "ninja's" ratio programs "ninja's"
for d in 4 16 64; do
	p=$TMP/noop$d
	noop_project "$p" $d
	(cd "$p" && "$ORCHGEN" >/dev/null && ninja -j4 >"$TMP/noop$d.log" 2>&1) ||
		{ tail -n 20 "$TMP/noop$d.log" >&2; die "the first run of $d distros failed"; }
	(cd "$p" && ninja >/dev/null)	# the probe sees every image: from now on a no-op
	# The same graph, its own regeneration edge included (own.ninja made
	# from the same inputs), without the probe.
	sed -e 's/ || \.orch\/probe\.always$//' -e 's/^build build\.ninja: regen /build own.ninja: regen /' \
		"$p/build.ninja" >"$p/own.ninja"
	set -- $(python3 "$top/bench/pair.py" "$RUNS" "cd $p && ninja" "cd $p && ninja -f own.ninja")
	prog=$(cd "$p" && programs "$TMP/strace.$d" ninja)
	prog_own=$(cd "$p" && programs "$TMP/strace-own.$d" ninja -f own.ninja)
	(cd "$p" && ninja -d explain 2>&1 | grep -q 'is dirty') && die "the no-op of $d distros is no no-op"
	awk -v d=$d -v j=$((2 * d)) -v a="$4" -v b="$5" -v r="$6" -v ca="$1" -v cb="$2" -v cr="$3" \
		-v p="$prog" -v q="$prog_own" 'BEGIN {
		printf "%8d %6d %8.3fs %8.3fs %6.2fx %8.3fs %8.3fs %6.2fx %9s %9s\n", d, j, a, b, r, ca, cb, cr, p, q }'
done
