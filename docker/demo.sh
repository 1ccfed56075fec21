#!/bin/sh
# make demo: the repository's own matrix, end to end. Four Debian releases,
# each base built offline by debootstrap, each building orchgen and running
# its suites there; then the outcome per distro. Run it again: the second
# time builds and runs nothing.
set -eu
cd "$(dirname "$0")/.."
./orchgen
status=0
ninja -k 0 -j4 all-distros || status=$?
echo
for d in $(./orchgen list | cut -d: -f1 | sort -u); do
	pass=0 fail=0
	for r in .orch/results/"$d"/*.json; do
		[ -e "$r" ] || continue
		if grep -q '"status": "\(pass\|xfail\)"' "$r"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	done
	jobs=$(./orchgen list | grep -c "^$d:")
	echo "$d: $pass of $jobs jobs passed${fail:+, $fail failed}" | sed 's/, 0 failed//'
done
exit $status
