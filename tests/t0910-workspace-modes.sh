# workspace-mode: by default (ro) a job that writes to /workspace fails;
# with copy it writes to its own copy, which never reaches the project;
# with rw the write reaches the project.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  test -f /workspace/orchgen.ini\n  echo "written by $ORCHGEN_DISTRO" >/workspace/x\n' >suites/main/hello/task.yaml
"$ORCHGEN"
expect_exit 1 ninja test-alpha
[ ! -e x ] || fail "ro: a job wrote to the read-only workspace"
sed -i '/^jobs = /a workspace-mode = copy' orchgen.ini
ninja_ok test-alpha
[ ! -e x ] || fail "copy: a job's write to its copy of the workspace reached the project"
sed -i 's/^workspace-mode = copy/workspace-mode = rw/' orchgen.ini
ninja_ok test-alpha
grep -qx 'written by alpha' x || fail "rw: a job's write to the writable workspace did not reach the project"
