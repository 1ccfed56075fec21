# Global options before a command's name mean what they mean for every
# command, even where the command's own options use their letter after
# it: orchgen -f FILE log JOB reads FILE, orchgen log -f JOB follows.
. "$TOP/tests/lib.sh"
project
sed 's/^\[distro beta\]$/[distro gamma]/' orchgen.ini >other.ini
mkdir -p .orch/logs/alpha/main
echo 'the log of hello' >.orch/logs/alpha/main/hello.log
expect_exit 0 "$ORCHGEN" -f orchgen.ini log alpha:main/hello
expect_output '^the log of hello$'
expect_exit 0 "$ORCHGEN" log -f alpha:main/hello
expect_output '^the log of hello$'
# -f FILE is read: gamma is a distro of other.ini only.
expect_exit 2 "$ORCHGEN" -f other.ini log gamma:main/hello
expect_output '^orchgen: gamma:main/hello: no log at .orch/logs/gamma/main/hello.log: the job has not run yet$'
expect_exit 2 "$ORCHGEN" log gamma:main/hello
expect_output 'no distro "gamma" in the matrix (its distros: alpha, beta)'
expect_exit 0 "$ORCHGEN" -f other.ini list gamma:main/hello
expect_output '^gamma:main/hello'
expect_exit 0 "$ORCHGEN" -C "$P" --format=json list alpha:main/hello
expect_output '"job": "alpha:main/hello"'
# The usage line puts -f FILE before the name, where it is the matrix.
expect_exit 0 "$ORCHGEN" log --help
expect_output '^usage: orchgen \[-f FILE\] log \[-C DIR\] .*\[-f\] JOB$'
expect_output "^  -f FILE (before the command's name)$"
expect_output '^  -f, --follow$'
# No operand, or two: a message, then the usage.
expect_exit 2 "$ORCHGEN" log
expect_output '^orchgen: log needs a job: expected distro:suite\[:variant\]'
expect_output '^usage: orchgen \[-f FILE\] log '
expect_exit 2 "$ORCHGEN" log alpha:main/hello beta:main/hello
expect_output '^orchgen: log shows one job.s log, got 2 operands: "alpha:main/hello", "beta:main/hello": expected one job$'
