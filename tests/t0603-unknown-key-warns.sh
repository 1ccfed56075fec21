# An unknown key is a warning with FILE:LINE:COL, not an error: build.ninja is written.
. "$TOP/tests/lib.sh"
project
printf 'execute: echo\nflavour: vanilla\n' >suites/main/hello/task.yaml
expect_exit 0 "$ORCHGEN"
expect_output '^orchgen: suites/main/hello/task.yaml:2:1: unknown key "flavour" (ignored)$'
[ -s build.ninja ] || fail "build.ninja was not written"
