# orchgen keys prints the same keys before generation, after it, and after
# a run, even when the sources are the whole project (`sources = .`), where
# orchgen's own state and build.ninja must stay out of the group.
. "$TOP/tests/lib.sh"
base_image
stage_project
sed -i 's/^sources = src$/sources = ./' orchgen.ini
"$ORCHGEN" keys >"$T/before"
grep -q '^ORCHGEN_KEY_BUILD_ALPHA=' "$T/before" || fail "no build key"
"$ORCHGEN"
"$ORCHGEN" keys >"$T/generated"
diff "$T/before" "$T/generated" || fail "generation changed the keys"
ninja_ok
"$ORCHGEN" keys >"$T/ran"
diff "$T/before" "$T/ran" || fail "a run changed the keys"
echo 'product 2' >src/product.txt
"$ORCHGEN" keys >"$T/edited"
! diff -q "$T/ran" "$T/edited" >/dev/null || fail "an edited source did not change the build key"
