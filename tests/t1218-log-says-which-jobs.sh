# orchgen log of a suite with variants names its jobs; of a job that has
# not run, says so; of a name that names no job, says which part.
. "$TOP/tests/lib.sh"
project
expect_exit 2 "$ORCHGEN" log alpha:main/vars
expect_output '^orchgen: alpha:main/vars: the suite has variants, each a job with a log of its own: expected one of alpha:main/vars:one, alpha:main/vars:two$'
expect_exit 2 "$ORCHGEN" log test-beta/main/vars
expect_output 'expected one of beta:main/vars:one, beta:main/vars:two$'
expect_exit 2 "$ORCHGEN" log test-alpha/main
expect_output '^orchgen: test-alpha/main: 3 jobs, each with a log of its own: expected one of alpha:main/hello, alpha:main/vars:one, alpha:main/vars:two$'
expect_exit 2 "$ORCHGEN" log alpha:main/vars:one
expect_output '^orchgen: alpha:main/vars:one: no log at .orch/logs/alpha/main/vars:one.log: the job has not run yet$'
expect_exit 2 "$ORCHGEN" log sid:main/hello
expect_output '^orchgen: sid:main/hello: no such job: no distro "sid" in the matrix (its distros: alpha, beta)$'
