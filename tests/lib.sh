# Sourced by every tests/t*.sh: a scratch project, the program, assertions.
# Each test is one behaviour; it exits non-zero (via fail) when it breaks.
set -eu
: "${TOP:?run through tests/run.sh}"
ORCHGEN=${ORCHGEN:-$TOP/orchgen}	# another build of orchgen may be tested
NAME=$(basename "$0" .sh)
T="${TESTS_TMP:-$TOP/tests/tmp}/$NAME"	# scratch, also outside a read-only tree
rm -rf "$T"
mkdir -p "$T/bin" "$T/config"
export XDG_CONFIG_HOME="$T/config"	# a developer's own config.ini stays out

# Everything the test makes in the engine carries the run's id: tests/run.sh
# exports one for the whole run; a test run alone makes its own. Two runs,
# or two checkouts, on one engine never touch each other's images.
RUN=${ORCHTEST_RUN:-$(od -An -N4 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n')}
RUN=${RUN:-$$}
# The project's name: the test's, cut to keep it short (images are
# PNAME-DISTRO:TAG), then the run id.
PNAME=$(echo "$NAME" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '-' | cut -c "1-$((39 - ${#RUN}))" | sed 's/-*$//')-$RUN
# The busybox base: tests/run.sh builds it once for the run, and removes it
# at the end; a test run alone builds its own, and removes it on exit.
BASE_IMAGE=${ORCHTEST_BASE_IMAGE:-orchtest-busybox-$RUN:1}

# Every docker call, the test's own and orchgen's, goes through $T/bin/docker:
# it notes that the engine was used, so that the exit trap cleans up only
# then, and logs the call once docker_spy has been called. (sh -p: a caller
# whose real uid is not root, as in t0908, keeps its effective uid.)
if real=$(command -v docker); then
	cat >"$T/bin/docker" <<SHIM
#!/bin/sh -p
[ -e "$T/engine-used" ] || : >"$T/engine-used"
[ ! -e "$T/docker.calls" ] || echo "\$*" >>"$T/docker.calls"
exec "$real" "\$@"
SHIM
	chmod +x "$T/bin/docker"
	PATH="$T/bin:$PATH"
fi

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit N CMD...: run CMD, fail unless it exits N; output in $T/out.
expect_exit() {
	want=$1; shift
	set +e
	"$@" >"$T/out" 2>&1
	got=$?
	set -e
	[ "$got" -eq "$want" ] || { cat "$T/out" >&2; fail "$* exited $got, expected $want"; }
}

# expect_output PATTERN: the last expect_exit printed a line matching PATTERN.
expect_output() {
	grep -q -- "$1" "$T/out" || { cat "$T/out" >&2; fail "no output matching: $1"; }
}

# A base image built locally from a static busybox: no registry needed. Its
# label makes every layer of the run's images the run's own: another run's
# cleanup never removes a build step that this one is using.
base_image() { sh "$TOP/docker/busybox-base.sh" "$BASE_IMAGE" "orchtest.run=$RUN"; }
# The same with Debian's static bash as /bin/bash, for spread projects:
# the test's own, removed on exit.
BASH_IMAGE=orchtest-bash-$NAME-$RUN:1
bash_image() { : >"$T/bash-image"; sh "$TOP/docker/busybox-base.sh" "$BASH_IMAGE" "orchtest.image=$NAME-$RUN" bash; }

# From now on, log each docker call in $T/docker.calls.
docker_spy() { : >"$T/docker.calls"; }

# calls WORD: how many logged docker calls began with WORD (build, run, ...).
calls() { grep -c "^$1 " "$T/docker.calls" || true; }
reset_calls() { : >"$T/docker.calls"; }

# Remove the containers and images of the test's project, whatever a failed
# test left. A base cannot go while an image built on it is there, whatever
# the order the engine lists them in: repeat. Then the busybox base, when the
# test built its own. Nothing to do when the engine was never used.
remove_leftovers() {
	stop_registry
	[ -e "$T/engine-used" ] || return 0
	docker ps -aq --filter "label=orchgen.project=$PNAME" | xargs -r docker rm -f >/dev/null 2>&1 || true
	for _ in 1 2 3; do
		ids=$(docker images -q --filter "label=orchgen.project=$PNAME" | sort -u) || true
		[ -n "$ids" ] || break
		echo "$ids" | xargs docker rmi -f >/dev/null 2>&1 || true
	done
	[ -n "${ORCHTEST_BASE_IMAGE:-}" ] || docker rmi "$BASE_IMAGE" >/dev/null 2>&1 || true
	[ ! -e "$T/bash-image" ] || docker rmi "$BASH_IMAGE" >/dev/null 2>&1 || true
}
# free_port: a TCP port of 127.0.0.1 that nothing listens on, just now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_registry: a real registry (Debian's docker-registry) of the test's
# own, on 127.0.0.1 (which docker trusts without TLS) at a free port, with
# its own storage and configuration in $T/registry; REGISTRY is its
# HOST:PORT. remove_leftovers stops it, by its PID.
start_registry() {
	command -v docker-registry >/dev/null || fail "docker-registry is not installed (docker/host-setup.sh installs it)"
	port=$(free_port)
	mkdir -p "$T/registry/storage"
	cat >"$T/registry/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $T/registry/storage
http:
  addr: 127.0.0.1:$port
YAML
	docker-registry serve "$T/registry/config.yml" >"$T/registry/log" 2>&1 &
	REGISTRY_PID=$! REGISTRY=127.0.0.1:$port
	i=0
	until registry_get /v2/ >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -le 50 ] && kill -0 "$REGISTRY_PID" 2>/dev/null || { cat "$T/registry/log" >&2; fail "the registry did not start"; }
		sleep 0.2
	done
}

# registry_get PATH: what the test's registry answers to GET PATH.
registry_get() { python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "http://$REGISTRY$1"; }

stop_registry() {
	[ -n "${REGISTRY_PID:-}" ] || return 0
	kill "$REGISTRY_PID" 2>/dev/null || true
	wait "$REGISTRY_PID" 2>/dev/null || true
	REGISTRY_PID=
}
# second_engine: a second real dockerd for this test, with its own data
# root and exec root, in mount and network namespaces of its own (so that
# --bridge=none and --iptables=false touch nothing of the host's), where
# the projects' directories (tests/tmp, the run's, the test's $T) are
# covered by an empty tmpfs: it shares no project file with this host, as
# an engine on another machine. Its socket is in a directory outside those,
# which both namespaces see. Sets E2 (its host URL, unix://...) and E2PID;
# docker2 talks to it. The exit trap stops exactly that dockerd, by its
# PID, and removes its data. It has no images: load_base2 loads the base.
# engines_ini HERE FAR: orchgen.ini gains [engine far] on the second
# engine with FAR slots, after [engine here] (the local default) with HERE
# slots unless HERE is 0.
engines_ini() {
	[ "$1" -eq 0 ] || printf '\n[engine here]\njobs = %s\n' "$1" >>orchgen.ini
	printf '\n[engine far]\nhost = %s\njobs = %s\n' "$E2" "$2" >>orchgen.ini
}

second_engine() {
	E2DIR=$(mktemp -d "${TMPDIR:-/tmp}/orchtest-e2-XXXXXX")
	start_second_engine
}
# start_second_engine: (again) the dockerd of $E2DIR, on its data.
start_second_engine() {
	unshare --mount --net sh "$TOP/tests/second-engine.sh" "$E2DIR" "$TOP/tests/tmp" "${TESTS_TMP:-$T}" "$T" \
		>"$E2DIR/log" 2>&1 &
	E2PID=$!
	E2=unix://$E2DIR/sock
	i=0
	until docker2 version >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -gt 150 ] || ! kill -0 "$E2PID" 2>/dev/null; then
			tail -n 20 "$E2DIR/log" >&2
			fail "the second dockerd did not answer"
		fi
		sleep 0.2
	done
}
docker2() { docker -H "$E2" "$@"; }
# load_base2: the busybox base into the second engine, from the first.
load_base2() { docker save "$BASE_IMAGE" | docker2 load >/dev/null; }
# stop_second_engine [keep]: SIGTERM to that dockerd (it stops its
# containers), then SIGKILL after 20s; its data removed, unless keep.
stop_second_engine() {
	[ -n "${E2PID:-}" ] || return 0
	kill "$E2PID" 2>/dev/null || true
	i=0
	while kill -0 "$E2PID" 2>/dev/null; do
		i=$((i + 1))
		[ $i -le 100 ] || { kill -9 "$E2PID" 2>/dev/null || true; sleep 1; break; }
		sleep 0.2
	done
	E2PID=""
	[ "${1:-}" = keep ] || rm -rf "$E2DIR"
}
trap 'stop_second_engine; [ -z "${E2DIR:-}" ] || rm -rf "$E2DIR"; remove_leftovers' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# A project: two distros on the busybox base, two suites, one with variants.
# Image names carry the project's name, so tests never share images.
project() {
	P="$T/project"
	mkdir -p "$P/docker" "$P/suites/main/hello" "$P/suites/main/vars"
	cat >"$P/orchgen.ini" <<INI
[project]
name = $PNAME
jobs = 2

[distro alpha]
base = $BASE_IMAGE

[distro beta]
base = $BASE_IMAGE
build-args = FLAVOUR=beta
INI
	# The label right after FROM makes every later layer the test's own: a
	# test's cleanup never removes a step that another test of the run is
	# building on.
	printf 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nLABEL orchtest.test=%s\nARG FLAVOUR=plain\nRUN echo $FLAVOUR >/flavour\n' "$PNAME" >"$P/docker/Dockerfile"
	cat >"$P/suites/main/hello/task.yaml" <<'YAML'
summary: says hello
execute: |
  echo "hello from $ORCHGEN_DISTRO"
  cat /flavour
YAML
	cat >"$P/suites/main/vars/task.yaml" <<'YAML'
summary: one job per variant
environment:
  X/one: 1
  X/two: 2
execute: |
  echo "X=$X"
YAML
	cd "$P"
}

# spread_project NAME [IMAGE]: tests/spread/NAME, a spread project of the
# corpus, copied to $P; its orchgen.ini's distros made from IMAGE (default
# the bash base, built here) under the run's project name.
spread_project() {
	P="$T/project"
	rm -rf "$P"
	cp -R "$TOP/tests/spread/$1" "$P"
	image=${2:-$BASH_IMAGE}
	[ -n "${2:-}" ] || bash_image
	sed -i -e "s|^name = .*|name = $PNAME|" -e "s|^base = .*|base = $image|" "$P/orchgen.ini"
	cd "$P"
}

# ninja_ok [ARGS]: run ninja; fail, showing its output, when it fails.
ninja_ok() {
	ninja "$@" >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out" >&2; fail "ninja $* failed"; }
}

# built_project: the project after a full, passing run; spy counts reset.
built_project() {
	base_image
	project
	docker_spy
	"$ORCHGEN"
	ninja_ok
	reset_calls
}

# A rootfs recipe for `rootfs = sh mkroot.sh`: the host's static busybox as
# a whole root filesystem, in the directory given as the last argument.
mkroot_recipe() {
	cat >"$1" <<'SH'
set -eu
mkdir -p "$1/bin" "$1/tmp" "$1/etc" "$1/root"
cp "$(command -v busybox)" "$1/bin/busybox"
for a in $(busybox --list); do [ "$a" = busybox ] || ln -s busybox "$1/bin/$a"; done
chmod 1777 "$1/tmp"
SH
}

# stage_project: project(), with every stage: alpha's base imported from a
# rootfs recipe, beta's the busybox image; a per-distro cache warmed from
# lock.txt; a build of src/ into /build; suites check what they see.
stage_project() {
	project
	mkroot_recipe "$P/mkroot.sh"
	mkdir -p "$P/src"
	echo v1 >"$P/lock.txt"
	echo 'product 1' >"$P/src/product.txt"
	cat >"$P/orchgen.ini" <<INI
[project]
name = $PNAME
jobs = 2
sources = src
build = cp -R /workspace/src/. /build/ && echo "built for \$ORCHGEN_DISTRO" >/build/distro

[distro alpha]
rootfs = sh mkroot.sh

[distro beta]
base = $BASE_IMAGE

[cache dl]
path = /var/cache/dl
warm = echo "warmed \$ORCHGEN_DISTRO" >>/var/cache/dl/warm.log; cp /workspace/lock.txt /var/cache/dl/lock
warm-inputs = lock.txt
INI
	cat >"$P/suites/main/hello/task.yaml" <<'YAML'
summary: sees its own distro's build and cache
execute: |
  grep -x "built for $ORCHGEN_DISTRO" /build/distro
  grep -x "warmed $ORCHGEN_DISTRO" /var/cache/dl/warm.log
YAML
}

# count WORD: how many lines of the last ninja_ok output ran WORD edges.
count() { grep -c "] $1 " "$T/ninja.out" || true; }

# hang_project: project() with one suite, hang, whose job sleeps a minute
# (TASK_EXTRA: more task.yaml lines).
hang_project() {
	project
	rm -r suites/main
	mkdir -p suites/hang
	printf '%bexecute: sleep 60\n' "${TASK_EXTRA:-}" >suites/hang/task.yaml
	"$ORCHGEN"
}

# The project's containers; wait_container: until one runs (10s at most).
containers() { docker ps -aq --filter "label=orchgen.project=$PNAME"; }
wait_container() {
	i=0
	until [ -n "$(containers)" ]; do
		i=$((i + 1))
		[ $i -le 50 ] || fail "no container appeared"
		sleep 0.2
	done
}

# report_project: project() with a suite that passes, one that fails in
# execute after printing lines (debug prints more), one that is skipped;
# run on every distro (ninja -k 0), ninja's output in $T/ninja.out.
report_project() {
	project
	rm -r suites/main/vars
	mkdir -p suites/broken suites/skipped
	cat >suites/broken/task.yaml <<'YAML'
execute: |
  echo "about to break <&> on $ORCHGEN_DISTRO"
  printf 'colour \033[31mred\033[0m and a bell \007\n'
  false
debug: |
  echo debug-output
YAML
	printf 'skip:\n  - reason: not wanted here\n    if: "true"\nexecute: exit 1\n' >suites/skipped/task.yaml
	"$ORCHGEN"
	ninja -k 0 >"$T/ninja.out" 2>&1 || true
}

# stage_runs STAGE: how many containers of stage STAGE (warm, build) the
# logged docker calls ran.
stage_runs() { grep -c "^run .* --label orchgen.job=$1 " "$T/docker.calls" || true; }

# CI caches as a cache action keeps them: ci_save ENTRY PATH... saves the
# paths (files and directories, with their mtimes) under the name ENTRY,
# ci_restore ENTRY puts them back in the current directory; it fails the
# test when nothing was saved under that name. ci_save_run ENTRY saves the
# run state: .orch without the caches, build directories and image cache.
ci_save() {
	entry=$1
	shift
	mkdir -p "$T/ci"
	tar -cf "$T/ci/$entry.tar" "$@"
}
ci_save_run() { mkdir -p "$T/ci"; tar -cf "$T/ci/$1.tar" --exclude=.orch/cache --exclude=.orch/build --exclude=.orch/images .orch; }
ci_restore() {
	[ -f "$T/ci/$1.tar" ] || fail "no CI cache entry $1 (saved: $(ls "$T/ci" | tr '\n' ' '))"
	tar -xf "$T/ci/$1.tar"
}

# ci_key STAGE D: D's key of STAGE (image, warm, build, run), as orchgen
# keys prints it for a workflow.
ci_key() { "$ORCHGEN" keys --format=github --distro="$2" | sed -n "s/^$1-$2=//p"; }

# fresh_runner DIR: the project $P as a fresh CI runner checks it out: a
# copy at DIR, without .orch or build.ninja, every file with a new mtime.
# Entered; P is DIR from then on.
fresh_runner() {
	mkdir -p "$1"
	(cd "$P" && tar -cf - --exclude=./.orch --exclude=./build.ninja .) | (cd "$1" && tar -xf -)
	find "$1" -exec touch {} +
	P=$1
	cd "$P"
}
