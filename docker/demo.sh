#!/bin/sh
# make demo: the main job on the offline example matrix, then the outcome
# per distro. Run it twice: the second time builds and runs nothing.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
base=orchgen-busybox:1

sh "$top/docker/busybox-base.sh" "$base"

cd "$top/examples/hello"
"$top/orchgen"
status=0
ninja || status=$?
echo
for r in .orch/results/*; do
	d=$(basename "$r")
	pass=$(grep -rl '"status": "\(pass\|xfail\)"' "$r" | wc -l)
	all=$(find "$r" -name '*.json' | wc -l)
	echo "$d: $pass of $all jobs passed"
done
exit $status
