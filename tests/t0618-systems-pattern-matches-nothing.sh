# A systems pattern that matches no distro of the matrix warns at its own line
# (plain or a change); the others do not.
. "$TOP/tests/lib.sh"
project
printf 'execute: echo\nsystems:\n  - alpha\n  - gamma*\n' >suites/main/hello/task.yaml
mkdir -p suites/main/other
printf 'execute: echo\nsystems:\n  - -alpha\n  - -delta\n' >suites/main/other/task.yaml
expect_exit 0 "$ORCHGEN" list
expect_output '^orchgen: suites/main/hello/task.yaml:4:5: systems: "gamma\*" matches no distro of the matrix$'
expect_output '^orchgen: suites/main/other/task.yaml:4:5: systems: "-delta" matches no distro of the matrix$'
! grep -q '"alpha"\|"-alpha"' "$T/out" || fail "a pattern that matches alpha warned"
expect_output '^alpha:main/hello'
