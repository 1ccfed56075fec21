# When build.ninja cannot be written (here: a full file system), orchgen
# exits 3, a failure of the machine, not of the configuration, says so, and
# the build.ninja there is unchanged.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/before"
mkdir -p "$T/small"
cat >"$T/full.sh" <<SH
set -e
mount -t tmpfs -o size=64k tmpfs "$T/small"
cp -R "$P/." "$T/small/"
head -c 200000 /dev/zero >"$T/small/fill" 2>/dev/null || true
cd "$T/small"
set +e
"$ORCHGEN" -D project.jobs=7 2>&1
echo "status \$?"
cmp -s build.ninja "$T/before" && echo unchanged
SH
unshare --mount sh "$T/full.sh" >"$T/out" 2>&1
expect_output '^status 3$'
expect_output 'build.ninja was not written, and the one there is unchanged'
expect_output '^unchanged$'
