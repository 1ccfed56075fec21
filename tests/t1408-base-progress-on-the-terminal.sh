# A rootfs recipe takes minutes (debootstrap): while it runs, the base
# edge says on the terminal how long it has run and the last line the
# recipe wrote, though Ninja shows an edge's output only once it ended.
# Without a terminal, nothing is said.
. "$TOP/tests/lib.sh"
base_image
stage_project
cat >slow.sh <<'SH'
echo "I: Retrieving the first package"
sleep 7
sh mkroot.sh "$1"
SH
sed -i 's/^rootfs = sh mkroot.sh$/rootfs = sh slow.sh/' orchgen.ini
"$ORCHGEN" >/dev/null
set +e
timeout 120 script -qec "ninja base-alpha" /dev/null </dev/null >"$T/out" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || { cat "$T/out"; fail "ninja base-alpha at a terminal exited $rc"; }
expect_output 'orchgen: base-alpha: 5s: I: Retrieving the first package'
[ -s .orch/base/alpha ] || fail "the base was not recorded"
docker rmi "$(cat .orch/base/alpha)" >/dev/null
ninja -t clean base-alpha >/dev/null
ninja base-alpha >"$T/out" 2>&1 </dev/null || { cat "$T/out"; fail "ninja base-alpha failed"; }
! grep -q 'orchgen: base-alpha: [0-9]*s:' "$T/out" || fail "progress was printed without a terminal"
