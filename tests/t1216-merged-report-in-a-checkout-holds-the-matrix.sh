# orchgen report --results=DIR... in a checkout of the project holds the
# merged results against its matrix, as ci/report.sh runs it: a job that
# no runner ran is not run and fails the report, never silently; a manual
# job no runner ran is counted apart. Outside a project, only the results.
. "$TOP/tests/lib.sh"
base_image
ln -s "$ORCHGEN" "$T/bin/orchgen"	# ci/report.sh runs orchgen from the PATH
project
mkdir -p suites/byhand
printf 'manual: true\nexecute: echo x\n' >suites/byhand/task.yaml
"$ORCHGEN" >/dev/null
ninja_ok
mkdir -p "$T/runners/one" "$T/runners/two"
cp -R .orch/results .orch/logs "$T/runners/one/"
rm -r "$T/runners/one/results/beta" "$T/runners/one/logs/beta"
mkdir -p "$T/runners/two/results/beta" "$T/runners/two/logs/beta"
cp -R .orch/results/beta/main "$T/runners/two/results/beta/"
mv "$T/runners/two/results/beta/main/hello.json" "$T/hello.json"
rm -r .orch
expect_exit 1 sh "$TOP/ci/report.sh" "$T/runners"
expect_output '^  beta:main/hello  not run$'
expect_output '^8 jobs: 5 pass, 1 not run, 2 manual in '
cp "$T/hello.json" "$T/runners/two/results/beta/main/"
expect_exit 0 sh "$TOP/ci/report.sh" "$T/runners"
expect_output '^8 jobs: 6 pass, 2 manual in '
rm "$T/runners/two/results/beta/main/hello.json"
cd "$T"
expect_exit 0 "$ORCHGEN" report --results=runners/one/results --results=runners/two/results
expect_output '^5 jobs: 5 pass in '
