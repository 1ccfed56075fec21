# A spread job runs in its task's directory of its own writable copy of the
# project at spread.yaml's path (less what exclude matches), under bash with
# set -eu, with spread's SPREAD_* variables (SPREAD_SAMPLE each sample's,
# SPREAD_JOB with spread's #N) and MATCH/NOMATCH; a file written beside
# the task is kept as an artifact; the project itself is untouched.
. "$TOP/tests/lib.sh"
spread_project runtime
"$ORCHGEN" >/dev/null
ninja_ok
grep -qx 'ran all' .orch/logs/alpha/tests/main/vars.log || fail "the checks of the variables and functions did not all run"
[ "$(cat .orch/artifacts/alpha/tests/main/copy/result.txt)" = "written beside the task" ] ||
	fail "the file written beside the task is not among the artifacts"
[ "$(grep '^sample ' .orch/logs/alpha/tests/main/samples.log | tr '\n' ' ')" = "sample 1 sample 2 " ] ||
	fail "SPREAD_SAMPLE is not each sample's number"
[ "$(cat data.txt)" = data ] || fail "the job wrote to the project itself"
[ ! -e tests/main/copy/result.txt ] || fail "the job wrote into the project's task directory"
