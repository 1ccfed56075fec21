#!/bin/sh
# ci/matrix.sh [N]: the runners of the project's matrix, for a workflow's
# strategy.matrix: one per distro, or N per distro (its shards 1/N to
# N/N), each with the distro's keys (orchgen keys --format=github-matrix).
# Written as matrix=JSON to $GITHUB_OUTPUT when there is one, else printed.
set -eu
line="matrix=$(orchgen keys --format=github-matrix --shards="${1:-1}")"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	echo "$line" >>"$GITHUB_OUTPUT"
else
	echo "$line"
fi
