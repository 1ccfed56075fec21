#!/bin/sh
# bench/fresh-runner.sh: a fresh CI runner, whose engine has none of the
# project's images, making them: with the image cache that an earlier run
# saved restored ([project] image-cache), against one that has none and
# builds them, side by side in one run (bench/pair.py), on a small
# offline matrix shaped as the repository's own: 3 distros, each base
# imported from a rootfs recipe, each image built from it by steps that do
# real work. Prints the wall seconds of each and the ratio. The work is
# checked once before: the restored runner builds and imports nothing and
# has the images saved (the same IDs); the other builds every base and
# image.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ORCHGEN=${ORCHGEN:-$top/orchgen}
NAME=orchgen-bench-fresh	# image repos and the orchgen.project label
TMP=$top/bench/tmp/fresh
SRC=$TMP/src		# the project, as a checkout has it
SAVED=$TMP/saved	# the run that saved the image cache
RUNNER=$TMP/runner	# each fresh runner's copy of the project
IMAGES=$TMP/images	# the image cache, as restored
RUNS=${RUNS:-5}
NDISTROS=3
export XDG_CONFIG_HOME="$TMP/config"	# a user's own config.ini stays out
export NINJA_STATUS='[%f/%t] '

die() { echo "bench: $*" >&2; exit 1; }
# Every image of the project, bases last, as a base cannot go before the
# images built on it.
clean_images() {
	for _ in 1 2 3; do
		ids=$(docker images -q --filter "label=orchgen.project=$NAME" | sort -u)
		[ -n "$ids" ] || return 0
		echo "$ids" | xargs docker rmi -f >/dev/null 2>&1 || true
	done
}
ids() {	# the project's tags and their image IDs, sorted
	docker images --no-trunc --filter "label=orchgen.project=$NAME" \
		--format '{{.Repository}}:{{.Tag}} {{.ID}}' | sort
}

[ -x "$ORCHGEN" ] || die "no $ORCHGEN: run make first"
docker info >/dev/null 2>&1 || die "no Docker engine answers"
clean_images
trap clean_images EXIT
trap 'exit 130' INT TERM
rm -rf "$TMP"
mkdir -p "$SRC/docker" "$SRC/suites/smoke" "$XDG_CONFIG_HOME"
cp "$ORCHGEN" "$TMP/orchgen"

# --- the project -----------------------------------------------------------
# The bases: a static busybox as a root filesystem, and 32 MB of "packages"
# unpacked into it and listed with their checksums, as debootstrap does.
cat >"$SRC/mkroot.sh" <<'SH'
set -eu
root=$1
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root" "$root/var/lib/pkgs"
cp "$(command -v busybox)" "$root/bin/busybox"
for a in $(busybox --list); do [ "$a" = busybox ] || ln -s busybox "$root/bin/$a"; done
chmod 1777 "$root/tmp"
cd "$root/var/lib/pkgs"
i=0
while [ $i -lt 8 ]; do
	head -c 4194304 /dev/urandom | gzip -1 >"base$i.gz" && gzip -d "base$i.gz"
	i=$((i + 1))
done
sha256sum base* >../pkgs.sha256
SH
{
	printf '[project]\nname = %s\njobs = 4\nimage-cache = %s\n' "$NAME" "$IMAGES"
	for d in alpha beta gamma; do
		printf '\n[distro %s]\nrootfs = sh mkroot.sh\nbuild-args = FLAVOUR=%s\n' "$d" "$d"
	done
} >"$SRC/orchgen.ini"
# The images: 48 MB of "packages" unpacked and checked, as apt-get
# install does, then a CPU-bound step, as a compiler is.
cat >"$SRC/docker/Dockerfile" <<'DOCKERFILE'
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
ARG FLAVOUR=plain
RUN mkdir -p /opt/pkgs && cd /opt/pkgs && i=0 && \
    while [ $i -lt 12 ]; do head -c 4194304 /dev/urandom | gzip -1 >p$i.gz && gzip -d p$i.gz; i=$((i + 1)); done && \
    sha256sum p* >/opt/pkgs.sha256 && sha256sum -c /opt/pkgs.sha256 >/dev/null
RUN awk 'BEGIN { for (i = 0; i < 2000000; i++) s += i % 7; print s }' >/opt/built && echo "$FLAVOUR" >/opt/flavour
DOCKERFILE
printf 'summary: the image is there\nexecute: |\n  test -s /opt/built\n' >"$SRC/suites/smoke/task.yaml"

# --- the run that saved the image cache --------------------------------------
cp -r "$SRC" "$SAVED"
(cd "$SAVED" && "$TMP/orchgen" && ninja -j4 images) >"$TMP/saved.log" 2>&1 ||
	{ tail -n 30 "$TMP/saved.log" >&2; die "the first run failed (see $TMP/saved.log)"; }
ids >"$TMP/saved.ids"
[ "$(wc -l <"$TMP/saved.ids")" -eq $((2 * NDISTROS)) ] || die "expected $NDISTROS bases and images, got: $(cat "$TMP/saved.ids")"
size=$(du -sm "$IMAGES" | cut -f1)

# --- the two runners -------------------------------------------------------
# Before each run (untimed): the engine without the project's images, and
# a new copy of the project (new mtimes, no .orch). Side a rebuilds, with
# no image cache; side b has the restored one.
cat >"$TMP/setup.sh" <<SH
set -eu
for _ in 1 2 3; do
	ids=\$(docker images -q --filter "label=orchgen.project=$NAME" | sort -u)
	[ -n "\$ids" ] || break
	echo "\$ids" | xargs docker rmi -f >/dev/null 2>&1 || true
done
rm -rf "$RUNNER"
cp -r "$SRC" "$RUNNER"
[ "\$SIDE" = b ] || sed '/^image-cache = /d' "$SRC/orchgen.ini" >"$RUNNER/orchgen.ini"
SH
run="cd '$RUNNER' && '$TMP/orchgen' && ninja -j4 images"

# The work, checked once: b loads what was saved, a builds it all.
SIDE=b sh "$TMP/setup.sh"
sh -c "$run" >"$TMP/restored.log" 2>&1 || { tail -n 30 "$TMP/restored.log" >&2; die "the restored runner failed (see $TMP/restored.log)"; }
ids | cmp -s - "$TMP/saved.ids" || die "the restored runner's images are not the ones saved"
SIDE=a sh "$TMP/setup.sh"
sh -c "$run" >"$TMP/rebuilt.log" 2>&1 || { tail -n 30 "$TMP/rebuilt.log" >&2; die "the rebuilding runner failed (see $TMP/rebuilt.log)"; }
[ "$(ids | comm -12 - "$TMP/saved.ids" | wc -l)" -eq 0 ] || die "the rebuilding runner did not build every base and image"

set -- $(python3 "$top/bench/pair.py" --setup "sh '$TMP/setup.sh'" "$RUNS" "$run" "$run")
echo
echo "fresh runner: $NDISTROS distros, each a base from a rootfs recipe and an image built on it;"
echo "the engine has none of them. orchgen && ninja -j4 images, median of $RUNS pairs:"
printf '  rebuilt:              %8.2fs\n' "$4"
printf '  image cache restored: %8.2fs   (%s MB of archives)\n' "$5" "$size"
printf '  ratio rebuilt / image cache restored: %.1fx\n' "$6"
