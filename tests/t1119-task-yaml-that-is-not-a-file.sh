# A task.yaml that is a directory or a FIFO is said, not skipped: a suite
# silently left out is a test that never runs.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/odd/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output 'suites/odd/task.yaml: a directory: expected a task file'
rmdir suites/odd/task.yaml
mkfifo suites/odd/task.yaml
expect_exit 2 timeout 10 "$ORCHGEN"
expect_output 'suites/odd/task.yaml: a FIFO: expected a task file'
