# A job that fails when retested fails ninja and loses its stamp, so the
# next ninja runs it again.
. "$TOP/tests/lib.sh"
base_image
project
printf 'execute: test ! -e /workspace/fail-now\n' >suites/main/hello/task.yaml
"$ORCHGEN"
ninja_ok test-alpha
[ -e .orch/stamp/alpha/main/hello.ok ] || fail "the passing job has no stamp"
touch fail-now	# the workspace is not hashed: nothing the graph sees changed
expect_exit 1 ninja retest-alpha/main/hello
expect_output 'FAILED'
[ ! -e .orch/stamp/alpha/main/hello.ok ] || fail "a failed retest left the job's stamp"
rm fail-now
ninja_ok test-alpha
[ "$(count TEST)" -eq 1 ] || fail "test-alpha ran $(count TEST) jobs, expected the one that failed"
