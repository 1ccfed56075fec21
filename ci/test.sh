#!/bin/sh
# ci/test.sh D K/N: a runner's part of the matrix: D's images
# (ci/images.sh D, which generates build.ninja), then part K of N of
# distro D's jobs (orchgen list --shard), every one even when some fail
# (ninja -k 0). Nothing runs when the part is empty (with no target,
# Ninja would build its default, every job), not even the images. Exits
# as ninja does: 1 when a job or a stage failed.
set -eu
d=${1:?usage: ci/test.sh D K/N}
shard=${2:?usage: ci/test.sh D K/N}
targets=$(orchgen list --distros="$d" --shard="$shard" --targets)
if [ -z "$targets" ]; then
	echo "ci/test.sh: part $shard of $d has no job"
	exit 0
fi
sh "$(dirname "$0")/images.sh" "$d"
# One target a line; no target has a space (Ninja would escape it).
# shellcheck disable=SC2086
exec ninja -k 0 $targets
