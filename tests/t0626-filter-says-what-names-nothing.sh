# A filter that matches no job says which part names nothing: a distro
# not in the matrix (naming its distros), a suite (the nearest ones, or
# that none is below its directory), spread's backend that orchgen's job
# names leave out; list and report alike, exit 2.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/other/x
printf 'execute: echo\n' >suites/other/x/task.yaml
expect_exit 2 "$ORCHGEN" list sid
expect_output '^orchgen: filter "sid" matches no job: no distro "sid" in the matrix (its distros: alpha, beta)'
expect_exit 2 "$ORCHGEN" list sid:main/hello
expect_output '^orchgen: filter "sid:main/hello" matches no job: no distro "sid" in the matrix (its distros: alpha, beta)$'
expect_exit 2 "$ORCHGEN" list main/helo
expect_output '^orchgen: filter "main/helo" matches no job: no suite "main/helo": the nearest are main/hello, main/vars$'
expect_exit 2 "$ORCHGEN" list main/nope/deeper
expect_output '^orchgen: filter "main/nope/deeper" matches no job: no suite "main/nope/deeper": no suite is below main/nope/$'
expect_exit 2 "$ORCHGEN" list qemu:alpha:main/hello
expect_output "^orchgen: filter \"qemu:alpha:main/hello\" matches no job: orchgen's job names leave out spread's backend (qemu): expected alpha:main/hello$"
expect_exit 2 "$ORCHGEN" list alpha:main/hello:one
expect_output '^orchgen: filter "alpha:main/hello:one" matches no job: jobs match "alpha:main/hello", but none has "one" after that'
expect_exit 2 "$ORCHGEN" report nope
expect_output '^orchgen: filter "nope" matches no job: no distro "nope" in the matrix (its distros: alpha, beta)'
! grep -q 'expected distro:suite\[:variant\]' "$T/out" || fail "report fell back to the form of a job name"
