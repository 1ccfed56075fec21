# keep = failed on an engine that shares no files: the failed job's
# container stays there, and its record names the engine; orchgen shell
# says it was kept elsewhere rather than looking on this host; the job's
# next run removes it there.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
mkdir -p suites/broken
printf 'execute: exit 1\n' >suites/broken/task.yaml
sed -i 's/^jobs = 2$/&\nkeep = failed/' orchgen.ini
second_engine
printf '\n[engine far]\nhost = %s\njobs = 2\n' "$E2" >>orchgen.ini
"$ORCHGEN" --distros=alpha >/dev/null
expect_exit 1 ninja -k 0
kept=$(head -n 1 .orch/kept/alpha/broken.name)
[ "$(sed -n 2p .orch/kept/alpha/broken.name)" = far ] || fail "the record does not name the engine: $(cat .orch/kept/alpha/broken.name)"
docker2 inspect "$kept" >/dev/null || fail "the kept container is not on the far engine"
expect_exit 2 "$ORCHGEN" shell alpha:broken
expect_output 'alpha:broken: its container was kept on engine far'
expect_exit 1 ninja -k 0 retest-alpha/broken
! docker2 inspect "$kept" >/dev/null 2>&1 || fail "the next run left the last kept container on the far engine"
