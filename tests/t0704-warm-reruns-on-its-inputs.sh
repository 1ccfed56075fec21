# warm-D reruns when its warm-inputs change or its command does; touching
# the inputs, or editing the sources, warms nothing.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
[ "$(count WARM)" -eq 2 ] || fail "expected one WARM per distro on the first run"
touch lock.txt
ninja_ok
[ "$(count WARM)" -eq 0 ] || fail "touching a warm input warmed again"
echo 'product 2' >src/product.txt
ninja_ok
[ "$(count WARM)" -eq 0 ] || fail "editing the sources warmed again"
echo v2 >lock.txt
ninja_ok
[ "$(count WARM)" -eq 2 ] || fail "editing a warm input did not warm both distros"
grep -qx v2 .orch/cache/dl/alpha/lock || fail "the cache holds the old lock file"
sed -i 's/^warm = echo/warm = echo again;echo/' orchgen.ini
ninja_ok
[ "$(count WARM)" -eq 2 ] || fail "editing the warm command did not warm again"
