# orchgen report with no option prints a summary: a line per distro that
# begins with its name, each failed job with its reason and log, the
# slowest jobs, a last line of counts; exit 1 unless every job passed (or
# was skipped). Filters select the jobs; a job with no result is not run.
. "$TOP/tests/lib.sh"
base_image
report_project
expect_exit 1 "$ORCHGEN" report
expect_output '^alpha  1 pass  1 fail  1 skip$'
expect_output '^beta   1 pass  1 fail  1 skip$'
expect_output '^  alpha:broken  fail: execute failed (exit status 1)$'
expect_output '^      log: .orch/logs/alpha/broken.log$'
expect_output '^slowest:$'
expect_output '^6 jobs: 2 pass, 2 fail, 2 skip in [0-9.]*s$'
expect_exit 0 "$ORCHGEN" report :main/hello :skipped
expect_output '^4 jobs: 2 pass, 2 skip'
expect_exit 2 "$ORCHGEN" report nowhere
expect_output 'filter "nowhere" matches no job'
mkdir -p suites/new && printf 'execute: true\n' >suites/new/task.yaml
"$ORCHGEN"
expect_exit 1 "$ORCHGEN" report :new
expect_output '^  alpha:new  not run$'
expect_output '^2 jobs: 2 not run'
