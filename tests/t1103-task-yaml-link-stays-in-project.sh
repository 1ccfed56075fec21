# A task.yaml that is a link must lead to a task file of the project: one
# that leads outside it is refused without reading it (its lines are never
# shown), and one that leads to a FIFO is refused without blocking.
. "$TOP/tests/lib.sh"
project
rm suites/main/hello/task.yaml
ln -s /etc/passwd suites/main/hello/task.yaml
expect_exit 2 timeout 10 "$ORCHGEN"
expect_output 'suites/main/hello/task.yaml: a link that leads outside the project: expected a task file of the project'
! grep -q 'root' "$T/out" || fail "the outside file's lines were shown"
rm suites/main/hello/task.yaml
mkfifo suites/fifo
ln -s ../../fifo suites/main/hello/task.yaml
expect_exit 2 timeout 10 "$ORCHGEN"
expect_output 'suites/main/hello/task.yaml: a link to a FIFO: expected a task file'
rm suites/main/hello/task.yaml suites/fifo
printf 'execute: true\n' >shared.yaml
ln -s ../../../shared.yaml suites/main/hello/task.yaml
expect_exit 0 "$ORCHGEN"
"$ORCHGEN" list | grep -q '^alpha:main/hello' || fail "a link to a task file of the project is not a suite"
