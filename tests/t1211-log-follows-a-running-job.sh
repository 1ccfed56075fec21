# orchgen log -f JOB prints the job's log as it is written, and ends when
# the job does; orchgen log JOB prints it and ends.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  echo first\n  sleep 3\n  echo last\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
ninja test-alpha/main/hello >"$T/ninja.out" 2>&1 &
job=$!
i=0
until [ -s .orch/logs/alpha/main/hello.log ] && grep -q first .orch/logs/alpha/main/hello.log; do
	i=$((i + 1)); [ $i -le 100 ] || fail "the job never started"; sleep 0.1
done
timeout 30 "$ORCHGEN" log -f alpha:main/hello >"$T/followed" || fail "log -f failed or did not end"
wait $job || fail "the job failed"
grep -qx first "$T/followed" && grep -qx last "$T/followed" || fail "log -f missed lines: $(cat "$T/followed")"
expect_exit 0 "$ORCHGEN" log test-alpha/main/hello
expect_output '^last$'
expect_exit 2 "$ORCHGEN" log alpha:never
expect_output '^orchgen: alpha:never: no such job: no suite or variant "never"'
