# workspace-mode = copy: a job gets its own copy of the workspace, and what
# it writes there never reaches the project.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
sed -i '/^jobs = /a workspace-mode = copy' orchgen.ini
printf 'execute: |\n  test -f /workspace/orchgen.ini\n  echo written >/workspace/x\n' >suites/main/hello/task.yaml
"$ORCHGEN"
ninja_ok test-alpha
[ ! -e x ] || fail "a job's write to its copy of the workspace reached the project"
