# orchgen why JOB|TARGET says what changed since the job's last passing
# run, input by input, or that it is up to date.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
expect_exit 0 "$ORCHGEN" why alpha:main/hello test-beta/main/vars
expect_output '^alpha:main/hello is up to date$'
expect_output '^beta:main/vars:one is up to date$'
expect_output '^beta:main/vars:two is up to date$'
echo '# edited' >>suites/main/hello/task.yaml
echo 'product 2' >src/product.txt
echo '# edited' >>docker/Dockerfile
sed -i 's/^jobs = 2$/&\nkill-timeout = 10m/' orchgen.ini
expect_exit 0 "$ORCHGEN" why test-alpha/main/hello
expect_output '^alpha:main/hello will run again:$'
expect_output "^  its suite's files changed (suites/main/hello)$"
expect_output "^  the image's context changed"
expect_output "^  the build's sources changed$"
expect_output '^  a setting of its jobs: project.kill-timeout: 900 -> 600$'
expect_exit 0 "$ORCHGEN" why beta:main/vars:one
! grep -q "suite's files" "$T/out" || fail "another suite's edit was said to change this one"
ninja_ok
expect_exit 0 "$ORCHGEN" why alpha:main/hello
expect_output '^alpha:main/hello is up to date$'
mkdir -p suites/fresh && printf 'execute: false\n' >suites/fresh/task.yaml
"$ORCHGEN"
expect_exit 0 "$ORCHGEN" why alpha:fresh
expect_output '^alpha:fresh has never run$'
expect_exit 1 ninja test-alpha/fresh
expect_exit 0 "$ORCHGEN" why alpha:fresh
expect_output '^alpha:fresh has not passed: its last run ended fail: execute failed'
expect_exit 2 "$ORCHGEN" why nosuch:job
expect_output 'nosuch:job: no such job: no distro "nosuch" in the matrix (its distros: alpha, beta)'
