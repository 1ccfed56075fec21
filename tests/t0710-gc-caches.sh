# orchgen gc --caches removes the caches and build directories, even files
# a container wrote as another user, and the next run warms and builds again.
. "$TOP/tests/lib.sh"
base_image
stage_project
sed -i 's|^build = |build = mkdir -p /build/locked \&\& touch /build/locked/f \&\& chown -R 4242 /build/locked \&\& chmod 500 /build/locked \&\& |' orchgen.ini
"$ORCHGEN"
ninja_ok
[ "$(stat -c %u .orch/build/alpha/locked/f)" = 4242 ] || fail "the build did not leave a foreign-owned file"
expect_exit 0 "$ORCHGEN" gc --caches
[ ! -e .orch/cache ] && [ ! -e .orch/build ] || fail "gc --caches left caches or builds"
ninja_ok
[ "$(count WARM)" -eq 2 ] && [ "$(count BUILD)" -eq 2 ] || fail "after gc --caches, ninja did not warm and build again"
