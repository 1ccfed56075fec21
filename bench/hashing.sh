#!/bin/sh
# bench/hashing.sh: orchgen's hashing against its floors, side by side in
# one run (bench/pair.py), printed as ratios; nothing is asserted.
# - one 1 GiB file, read from the page cache: `orchgen hash` (its stat
#   cache removed first, so the file is read) against `xxhsum -H2`, the
#   same XXH3-128 by xxHash's own tool;
# - an unchanged tree of 10 000 files: `orchgen hash` again (every file
#   taken from the stat cache) against a bare lstat walk of it
#   (`find -printf %s`, which stats every entry).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ORCHGEN=${ORCHGEN:-$top/orchgen}
TMP=$top/bench/tmp/hashing
RUNS=${RUNS:-9}

command -v xxhsum >/dev/null || { echo "bench: xxhsum is not installed (Debian: xxhash)" >&2; exit 1; }
rm -rf "$TMP"
mkdir -p "$TMP/tree"
cd "$TMP"
head -c 1073741824 /dev/zero | tr '\0' 'x' >big	# 1 GiB; hashing does not care what
i=0
while [ $i -lt 100 ]; do
	mkdir "tree/d$i"
	j=0
	while [ $j -lt 100 ]; do echo "file $i $j" >"tree/d$i/f$j"; j=$((j + 1)); done
	i=$((i + 1))
done
cat big >/dev/null	# in the page cache, for both
"$ORCHGEN" hash -o tree.hash -- tree
sleep 1.1	# past the stat cache's racy window: every entry is trusted
"$ORCHGEN" hash -o tree.hash -- tree

line() {	# LABEL A B: the figures of pair.py, with what they mean
	set -- "$1" $(python3 "$top/bench/pair.py" "$RUNS" "$2" "$3")
	printf '%-34s %8ss %8ss %7s %8ss %8ss %7s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
}
printf '%-34s %9s %9s %7s %9s %9s %7s\n' "" "cpu A" "cpu B" "A/B" "wall A" "wall B" "A/B"
line "1 GiB file: orchgen / xxhsum -H2" \
	"rm -f big.hash.stat; exec '$ORCHGEN' hash -o big.hash -- big" \
	"rm -f big.xxh.stat; exec xxhsum -H2 big"
line "10 000 files again: orchgen / lstat" \
	"exec '$ORCHGEN' hash -o tree.hash -- tree" \
	"exec find tree -printf %s"
echo "(A/B: the median of the pairwise ratios; below 1 orchgen is the faster)"
cd "$top" && rm -rf "$TMP"
