#!/bin/sh
# debian-rootfs.sh RELEASE DIR: a rootfs recipe (`rootfs = sh
# debian-rootfs.sh RELEASE`) that fills DIR with a minimal Debian RELEASE
# from debootstrap and its default mirror. Under tests/run.sh, which sets
# ORCHTEST_CACHE, debootstrap runs once per run: the first caller fills the
# cache, under a lock, and every caller copies it. tests/run.sh calls it
# without DIR, in the background from the start, to fill the cache only.
set -eu
release=$1 dir=${2:-}
if [ -z "${ORCHTEST_CACHE:-}" ] || ! command -v flock >/dev/null; then
	exec debootstrap --variant=minbase "$release" "${dir:?usage: debian-rootfs.sh RELEASE DIR}"
fi
cache=$ORCHTEST_CACHE/debian-$release
mkdir -p "$ORCHTEST_CACHE"
exec 9>"$cache.lock"
flock 9
if [ ! -d "$cache" ]; then
	rm -rf "$cache.tmp"
	debootstrap --variant=minbase "$release" "$cache.tmp"
	mv "$cache.tmp" "$cache"
fi
exec 9>&-
[ -z "$dir" ] || cp -a "$cache/." "$dir/"
