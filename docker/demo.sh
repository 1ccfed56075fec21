#!/bin/sh
# make demo: the repository's own matrix, end to end. Four Debian releases,
# each base built offline by debootstrap (two at a time: build.ninja.in),
# each building orchgen and running its suites there; then the report
# target, how every job ended. Run it again: the second time builds and
# runs nothing.
set -eu
cd "$(dirname "$0")/.."
./orchgen
status=0
ninja -k 0 -j4 all-distros || status=$?
echo
ninja report || status=1
exit $status
