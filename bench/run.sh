#!/bin/sh
# bench/run.sh: orchgen against the orchestrator it replaces, side by side
# in one run, on a small offline project (3 distros x 6 suites on a busybox
# base built locally): the faithful baseline (what its users ran: images
# built with the layer cache, up to four distros in parallel, all of a
# distro's suites in one container) and the naive one (--no-cache, one
# container per suite, everything in sequence). Prints a table of times,
# ratios and the work orchgen did. Times are only printed; the work counts are checked, and any
# failed job or wrong count makes the exit status non-zero.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ORCHGEN=${ORCHGEN:-$top/orchgen}	# copied: a rebuild during the run changes nothing
NAME=orchgen-bench		# image repos and the orchgen.project label
BASE=orchgen-busybox:1
TMP=$top/bench/tmp
P=$TMP/project
NDISTROS=3 NSUITES=6 NJOBS=18
export XDG_CONFIG_HOME="$TMP/config"	# a user's own config.ini stays out
export NINJA_STATUS='[%f/%t] '		# the counts below read ninja's lines

die() { echo "bench: $*" >&2; exit 1; }
now() { date +%s.%N; }
clean_images() {
	docker images -a -q --filter "label=orchgen.project=$NAME" | sort -u |
		xargs -r docker rmi -f >/dev/null 2>&1 || true
}

[ -x "$ORCHGEN" ] || die "no $ORCHGEN: run make first"
command -v ninja >/dev/null || die "ninja is not installed"
docker info >/dev/null 2>&1 || die "no Docker engine answers"
sh "$top/docker/busybox-base.sh" "$BASE"
clean_images			# so that the cold run is cold
trap clean_images EXIT
trap 'exit 130' INT TERM
rm -rf "$TMP"
mkdir -p "$P/docker" "$XDG_CONFIG_HOME"
cp "$ORCHGEN" "$TMP/orchgen"

# --- the project -----------------------------------------------------------
cat >"$P/orchgen.ini" <<INI
[project]
name = $NAME
jobs = 4

[distro alpha]
base = $BASE

[distro beta]
base = $BASE
build-args = FLAVOUR=beta

[distro gamma]
base = $BASE
build-args = FLAVOUR=gamma LEVEL=2
INI
cat >"$P/docker/Dockerfile" <<'DOCKERFILE'
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
ARG FLAVOUR=plain
ARG LEVEL=1
RUN mkdir -p /opt/app && echo "$FLAVOUR" >/opt/app/flavour && echo "$LEVEL" >/opt/app/level
RUN i=0; while [ $i -lt 500 ]; do echo "record $i"; i=$((i + 1)); done >/opt/app/data
DOCKERFILE
suite() {	# suite NAME EXECUTE-LINE... (execute is the last key)
	d=$P/suites/$1; shift
	mkdir -p "$d"
	printf 'summary: benchmark suite\nexecute: |\n' >"$d/task.yaml"
	printf '  %s\n' "$@" >>"$d/task.yaml"
}
suite core/flavour 'echo "$(cat /opt/app/flavour) on $ORCHGEN_DISTRO"' 'test -s /opt/app/level'
suite core/data 'test "$(wc -l </opt/app/data)" -eq 500'
suite core/workspace 'test -f /workspace/orchgen.ini' '! touch /workspace/x 2>/dev/null'
suite text/sort "printf 'b\\na\\nc\\n' | sort >/tmp/out" 'test "$(head -n 1 /tmp/out)" = a'
suite text/grep 'test "$(grep -c "^record" /opt/app/data)" -eq 500'
suite text/awk "awk '{ n += length(\$0) } END { exit !(n > 4000) }' /opt/app/data"

# --- the naive approach: what the old orchestrator did on every call --------
# For each distro of orchgen.ini: docker build --no-cache, then one
# docker run --rm per suite with its execute script, all sequentially.
ini() {	# ini DISTRO KEY: a key of [distro DISTRO]
	awk -v s="[distro $1]" -v k="$2" '/^\[/ { on = ($0 == s) }
		on && $1 == k && $2 == "=" { sub(/^[^=]*= */, ""); print }' "$P/orchgen.ini"
}
naive() {	# naive LOG: sets nb (images built) and nr (suites run)
	nb=0 nr=0
	for d in $(sed -n 's/^\[distro \(.*\)\]$/\1/p' "$P/orchgen.ini"); do
		args="--build-arg BASE_IMAGE=$(ini "$d" base)"
		for a in $(ini "$d" build-args); do args="$args --build-arg $a"; done
		# shellcheck disable=SC2086
		docker build --no-cache --label "orchgen.project=$NAME" $args \
			-t "$NAME-naive-$d" -f "$P/docker/Dockerfile" "$P/docker" >>"$1" 2>&1 ||
			die "naive: image $d failed (see $1)"
		nb=$((nb + 1))
		for t in $(cd "$P/suites" && find . -name task.yaml | sort); do
			s=${t#./}; s=${s%/task.yaml}
			script=$(awk '/^execute: *\|/ { on = 1; next } on && /^[^ ]/ { on = 0 }
				on { sub(/^  /, ""); print }' "$P/suites/$t")
			docker run --rm --init -e "ORCHGEN_DISTRO=$d" -e "ORCHGEN_SUITE=$s" \
				--mount "type=bind,src=$P,dst=/workspace,readonly" -w /workspace \
				"$NAME-naive-$d" /bin/sh -e -c "$script" >>"$1" 2>&1 ||
				die "naive: $d:$s failed (see $1)"
			nr=$((nr + 1))
		done
	done
}

# --- the faithful baseline: what the orchestrator orchgen replaces did ------
# For each distro, up to four at a time: docker build WITH the layer cache,
# then one docker run that runs every suite's execute script in turn, each
# in a subshell, and fails at the end if one failed.
suite_scripts() {	# the execute scripts of every suite, as one script
	for t in $(cd "$P/suites" && find . -name task.yaml | sort); do
		s=${t#./}; s=${s%/task.yaml}
		printf '( export ORCHGEN_SUITE=%s\nset -e\n' "$s"
		awk '/^execute: *\|/ { on = 1; next } on && /^[^ ]/ { on = 0 }
			on { sub(/^  /, ""); print }' "$P/suites/$t"
		printf ') || { echo "suite %s failed"; failed=1; }\n' "$s"
	done
	echo 'exit ${failed:-0}'
}
faithful_distro() {	# faithful_distro D LOG: build D's image, run all its suites
	args="--build-arg BASE_IMAGE=$(ini "$1" base)"
	for a in $(ini "$1" build-args); do args="$args --build-arg $a"; done
	# shellcheck disable=SC2086
	docker build --label "orchgen.project=$NAME" $args -t "$NAME-faithful-$1" \
		-f "$P/docker/Dockerfile" "$P/docker" >"$2" 2>&1 || { echo "image $1 failed" >>"$2"; return 1; }
	docker run --rm --init -e "ORCHGEN_DISTRO=$1" \
		--mount "type=bind,src=$P,dst=/workspace,readonly" -w /workspace \
		"$NAME-faithful-$1" /bin/sh -c "$(suite_scripts)" >>"$2" 2>&1
}
faithful() {	# faithful LOG: sets fb (images built) and fr (suites run)
	fb=0 fr=0 n=0 pids=""
	set -- "$1" $(sed -n 's/^\[distro \(.*\)\]$/\1/p' "$P/orchgen.ini")
	log=$1; shift
	for d; do
		faithful_distro "$d" "$log.$d" & pids="$pids $!"
		n=$((n + 1))
		if [ $((n % 4)) -eq 0 ]; then
			for p in $pids; do wait "$p" || die "faithful: a distro failed (see $log.*)"; done
			pids=""
		fi
	done
	for p in $pids; do wait "$p" || die "faithful: a distro failed (see $log.*)"; done
	cat "$log".* >"$log" && rm -f "$log".*
	fb=$#
	fr=$(($# * NSUITES))
}

# --- orchgen: orchgen && ninja -j4 all-distros -------------------------------
# Sets ni (IMAGE edges run), ob (images built: an IMAGE edge that runs may
# only check that its tag exists, so builds are counted as images that are
# new to the engine) and ot (TEST edges run).
images() {
	docker images --no-trunc --filter "label=orchgen.project=$NAME" \
		--format '{{.Repository}} {{.ID}}' | grep -v "^$NAME-naive-\|^$NAME-faithful-" | sort -u || true
}
orch() {	# orch LOG
	images >"$TMP/images.before"
	(cd "$P" && "$TMP/orchgen" && ninja -j4 all-distros) >"$1" 2>&1 ||
		{ tail -n 30 "$1" >&2; die "orchgen: the run failed (see $1)"; }
	ni=$(grep -c ' IMAGE ' "$1" || true)
	ot=$(grep -c ' TEST ' "$1" || true)
	images | comm -13 "$TMP/images.before" - >"$TMP/images.new"
	ob=$(wc -l <"$TMP/images.new")
}

bad=0
row() {	# row SCENARIO WANT-BUILT WANT-TEST: time both approaches, check counts
	t0=$(now); orch "$TMP/$1.orchgen.log"; t1=$(now)
	naive "$TMP/$1.naive.log"; t2=$(now)
	faithful "$TMP/$1.faithful.log"; t3=$(now)
	[ "$nb" -eq $NDISTROS ] && [ "$nr" -eq $NJOBS ] ||
		die "naive: built $nb images and ran $nr suites"
	[ "$fb" -eq $NDISTROS ] && [ "$fr" -eq $NJOBS ] ||
		die "faithful: built $fb images and ran $fr suites"
	check=ok
	if [ "$ob" -ne "$2" ] || [ "$ot" -ne "$3" ]; then
		check="FAIL: expected $2 built, $3 TEST"
		bad=1
	fi
	awk -v s="$1" -v n="$(awk -v a="$t1" -v b="$t2" 'BEGIN { print b - a }')" \
		-v f="$(awk -v a="$t2" -v b="$t3" 'BEGIN { print b - a }')" \
		-v o="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
		-v i="$ni" -v b="$ob" -v t="$ot" -v c="$check" -v nd=$NDISTROS -v nj=$NJOBS 'BEGIN {
		printf "%-22s %7.2f %8.2f %7.2f %6.1fx %6.1fx %4d/%d %5d/%d %5d/%d  %s\n",
			s, n, f, o, n / o, f / o, i, nd, b, nd, t, nj, c }' >>"$TMP/table"
	echo "bench: $1 done" >&2
}

: >"$TMP/table"
row cold $NDISTROS $NJOBS
row no-op 0 0
printf '  echo bench-edit\n' >>"$P/suites/text/sort/task.yaml"
row one-suite-edited 0 $NDISTROS	# that suite's job, on every distro
for d in alpha beta gamma; do
	grep -q '^bench-edit$' "$P/.orch/logs/$d/text/sort.log" ||
		{ echo "bench: $d's text/sort log lacks the edit" >&2; bad=1; }
done
[ "$(grep -c '^bench-edit$' "$TMP/one-suite-edited.naive.log")" -eq $NDISTROS ] ||
	{ echo "bench: the naive run lacks the edit" >&2; bad=1; }
echo 'RUN echo rev2 >/opt/app/rev' >>"$P/docker/Dockerfile"
row dockerfile-edited $NDISTROS $NJOBS	# every image, every job
sed 's/LEVEL=2/LEVEL=3/' "$P/orchgen.ini" >"$P/orchgen.ini.new" && mv "$P/orchgen.ini.new" "$P/orchgen.ini"
row one-distro-build-args 1 $NSUITES	# gamma's image and jobs only

echo
echo "$NDISTROS distros x $NSUITES suites; naive = docker build --no-cache + one docker run per suite, sequential;"
echo "faithful = docker build with the layer cache + one docker run of all a distro's suites, 4 distros at a time;"
echo "orchgen = orchgen && ninja -j4 all-distros. Seconds of wall time; ratios = baseline / orchgen."
echo "orchgen work: IMAGE edges run (each checks its tag), images built, TEST edges run."
echo
printf '%-22s %7s %8s %7s %7s %7s %6s %7s %8s  %s\n' scenario naive faithful orchgen naive/o faith/o IMAGE built TEST check
cat "$TMP/table"
[ $bad -eq 0 ] || die "a work count was wrong: the benchmark is not measuring what it says"
