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
