# Stage settings are checked where they are written: a relative cache path,
# sources that do not exist, a distro with both base and rootfs. Exit 2,
# file:line, and no build.ninja.
. "$TOP/tests/lib.sh"
stage_project
cp orchgen.ini good.ini
sed 's|^path = /var/cache/dl|path = var/cache/dl|' good.ini >orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:[0-9]*: bad path "var/cache/dl": expected an absolute, clean path'
sed 's|^sources = src|sources = src missing.c|' good.ini >orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:[0-9]*: no such file or directory "missing.c"'
sed "s|^rootfs = .*|&\nbase = $BASE_IMAGE|" good.ini >orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:[0-9]*: \[distro alpha\] has both base and rootfs'
[ ! -e build.ninja ] || fail "a bad matrix wrote build.ninja"
# A path must exist once every layer is read: a later layer may name
# another in place of a missing one; what is still missing is said at the
# line (or -D) that named it last, and nothing is written.
sed 's|^sources = src|sources = gone|; s|^warm-inputs = lock.txt|warm-inputs = gone.lock|' good.ini >orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:4: no such file or directory "gone"'
expect_output 'orchgen.ini:[0-9]*: no such file or directory "gone.lock"'
[ ! -e build.ninja ] || fail "a missing path wrote build.ninja"
"$ORCHGEN" -D project.sources=src -D cache.dl.warm-inputs=./lock.txt >/dev/null || fail "-D did not replace the missing paths"
grep -q -- '--follow -- src$' build.ninja || fail "the build's sources are not the -D ones"
rm -f build.ninja
expect_exit 2 "$ORCHGEN" -D project.sources=src -D cache.dl.warm-inputs=missing.lock
expect_output '^orchgen: -D cache.dl.warm-inputs=missing.lock: no such file or directory "missing.lock"'
[ ! -e build.ninja ] || fail "a missing -D path wrote build.ninja"
mkdir -p "$T/config/orchgen"
printf '[project]\nsources = from-user-layer\n' >"$T/config/orchgen/config.ini"
cp good.ini orchgen.ini
XDG_CONFIG_HOME="$T/config" "$ORCHGEN" >/dev/null || fail "the project's sources did not replace the user layer's missing one"
