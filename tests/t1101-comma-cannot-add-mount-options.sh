# A comma in a cache's path cannot add options to its --mount: such a path
# is refused at its line; and a project whose own path holds a comma still
# mounts as itself (every --mount field is quoted).
. "$TOP/tests/lib.sh"
base_image
project
printf '[cache c]\npath = /data,src=/etc\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "orchgen.ini:[0-9]*: bad path \"/data,src=/etc\": expected an absolute, clean path inside the container, without ',' or '='"
[ ! -e build.ninja ] || fail "build.ninja was written"
sed -i '/^\[cache c\]/,$d' orchgen.ini
mkdir -p "$T/odd,dir"
cp -R . "$T/odd,dir/p"
cd "$T/odd,dir/p"
printf 'execute: test -f /workspace/orchgen.ini && ! test -e /data\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok test-alpha/main/hello
