#!/bin/sh
# bench/archive-format.sh IMAGE [RUNS]: how fast an image-cache archive is
# written and read in each format `docker load` accepts: docker save to a
# file (plain, or piped through a compressor), then docker load of that
# file into an engine that lacks the image. IMAGE is copied first into an
# image of one layer of its own (a container's export, with a nonce), so
# that removing the copy really removes its layer and each load writes it
# again. Prints, per format, the median seconds of save and of load, their
# sum and the archive's size. Nothing is asserted.
set -eu
[ $# -ge 1 ] || { echo "usage: bench/archive-format.sh IMAGE [RUNS]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
IMAGE=$1 RUNS=${2:-3}
NAME=orchgen-bench-archive-$$
COPY=$NAME:1
TMP=$top/bench/tmp/archive
rm -rf "$TMP" && mkdir -p "$TMP"

now() { date +%s.%N; }
cleanup() {
	docker rm -f "$NAME" >/dev/null 2>&1 || true
	docker rmi "$COPY" >/dev/null 2>&1 || true
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

docker run --name "$NAME" "$IMAGE" sh -c 'head -c 16 /dev/urandom | od -An -tx1 >/.nonce' >/dev/null
docker export "$NAME" | docker import --change 'LABEL orchgen.project=orchgen-bench' - "$COPY" >/dev/null
docker rm "$NAME" >/dev/null

# format NAME FILTER: FILTER compresses stdin to stdout ("" for none)
format() {
	f=$TMP/$1 saves="" loads=""
	i=0
	while [ $i -lt "$RUNS" ]; do
		rm -f "$f"
		t0=$(now)
		if [ -n "$2" ]; then docker save "$COPY" | $2 >"$f"; else docker save -o "$f" "$COPY"; fi
		sync "$f"
		t1=$(now)
		docker rmi "$COPY" >/dev/null
		t2=$(now)
		if ! docker load -i "$f" >/dev/null 2>&1; then
			docker load -i "$TMP/tar" >/dev/null
			printf '%-12s (docker load does not accept it)\n' "$1"
			return
		fi
		t3=$(now)
		saves="$saves $(awk "BEGIN { print $t1 - $t0 }")" loads="$loads $(awk "BEGIN { print $t3 - $t2 }")"
		i=$((i + 1))
	done
	python3 - "$1" "$(stat -c %s "$f")" "$saves" "$loads" <<'PY'
import statistics, sys
name, size, saves, loads = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
s, l = statistics.median(map(float, saves)), statistics.median(map(float, loads))
print("%-12s %7.1f %7.1f %7.1f %8.0f" % (name, s, l, s + l, size / 1e6))
PY
}
printf '%-12s %7s %7s %7s %8s\n' format save load sum MB
format tar ""		# first: the others fall back on it
format gzip-1 "gzip -1"
format gzip "gzip"
format xz-0 "xz -0 -T0"
! command -v zstd >/dev/null || format zstd "zstd -q -T0 -3"
