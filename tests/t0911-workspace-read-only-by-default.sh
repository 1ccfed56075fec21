# By default the workspace is read-only: a job that writes to it fails.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  echo written >/workspace/x\n' >suites/main/hello/task.yaml
"$ORCHGEN"
expect_exit 1 ninja test-alpha
[ ! -e x ] || fail "a job wrote to the read-only workspace"
