# What killed processes leave: generation removes temporaries of its
# output that no running process owns; gc removes the rest under .orch
# (a result's temporary, a base's root filesystem).
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
echo partial >build.ninja.tmp999999999
echo mine >build.ninja.tmp$$
"$ORCHGEN"
[ ! -e build.ninja.tmp999999999 ] || fail "a dead process's temporary is left"
[ -e build.ninja.tmp$$ ] || fail "a live process's temporary was removed"
rm build.ninja.tmp$$
mkdir -p .orch/results/alpha/main .orch/stage/alpha/rootfs/bin
echo '{' >.orch/results/alpha/main/hello.json.tmp999999999
expect_exit 0 "$ORCHGEN" gc
[ ! -e .orch/results/alpha/main/hello.json.tmp999999999 ] || fail "gc left a result's temporary"
[ ! -e .orch/stage/alpha/rootfs ] || fail "gc left a base's root filesystem"
