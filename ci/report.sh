#!/bin/sh
# ci/report.sh DIR: the report of every runner's results, merged. DIR holds
# one directory per runner, each with its results/ and logs/ (the .orch/results
# and .orch/logs it uploaded). Writes DIR/report.html, DIR/junit.xml and
# DIR/report.json (the page's links to the logs are relative, into DIR),
# prints the summary and exits as orchgen report does: run in a checkout
# of the project, 1 unless every job of the matrix passed, a job no runner
# ran counting as not run (a manual job as manual, which fails nothing).
set -eu
dir=${1:?usage: ci/report.sh DIR}
set --
for runner in "$dir"/*/; do
	if [ -d "${runner}results" ]; then
		set -- "$@" --results="${runner}results"
	fi
done
if [ $# -eq 0 ]; then
	echo "ci/report.sh: $dir: no runner's results/ below it" >&2
	exit 2
fi
exec orchgen report --html="$dir/report.html" --junit="$dir/junit.xml" --json="$dir/report.json" "$@"
