# A restore removed from task.yaml no longer runs: the job's scripts are its own.
. "$TOP/tests/lib.sh"
built_project
printf 'summary: s\nexecute: "true"\nrestore: exit 3\n' >suites/main/hello/task.yaml
! ninja test-alpha/main/hello >"$T/ninja.out" 2>&1 || fail "a failing restore passed"
printf 'summary: s\nexecute: "true"\n' >suites/main/hello/task.yaml
ninja_ok test-alpha/main/hello
grep -q '"status": "pass"' .orch/results/alpha/main/hello.json || fail "the removed restore still ran"
