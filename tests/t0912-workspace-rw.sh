# workspace-mode = rw: what a job writes to /workspace reaches the project.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
sed -i '/^jobs = /a workspace-mode = rw' orchgen.ini
printf 'execute: |\n  echo "written by $ORCHGEN_DISTRO" >/workspace/x\n' >suites/main/hello/task.yaml
"$ORCHGEN"
ninja_ok test-alpha
grep -qx 'written by alpha' x || fail "a job's write to the writable workspace did not reach the project"
