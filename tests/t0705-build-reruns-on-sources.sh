# build-D reruns only when the sources change: touching them rebuilds and
# reruns nothing; editing one rebuilds every distro and reruns its jobs.
. "$TOP/tests/lib.sh"
base_image
stage_project
"$ORCHGEN"
ninja_ok
[ "$(count BUILD)" -eq 2 ] || fail "expected one BUILD per distro on the first run"
touch src/product.txt lock.txt orchgen.ini
ninja_ok
[ "$(count BUILD)" -eq 0 ] || fail "touching the sources rebuilt"
[ "$(count TEST)" -eq 0 ] || fail "touching the sources reran jobs"
echo 'product 2' >src/product.txt
ninja_ok
[ "$(count BUILD)" -eq 2 ] || fail "editing a source did not rebuild both distros"
[ "$(count TEST)" -eq 6 ] || fail "a rebuild reran $(count TEST) jobs, expected all 6"
grep -qx 'product 2' .orch/build/beta/product.txt || fail "the build directory holds the old product"
echo new >src/added.txt
ninja_ok
[ "$(count BUILD)" -eq 2 ] || fail "adding a source file did not rebuild"
