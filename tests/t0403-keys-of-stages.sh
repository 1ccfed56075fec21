# orchgen keys covers every stage: the base recipe, the warm inputs, the
# sources; each key moves with its own content only. --format=github
# prints step outputs.
. "$TOP/tests/lib.sh"
stage_project
"$ORCHGEN" keys >"$T/k1"
grep -q '^ORCHGEN_KEY_BASE_ALPHA=[0-9a-f]\{16\}$' "$T/k1" || fail "no base key for alpha"
! grep -q '^ORCHGEN_KEY_BASE_BETA=' "$T/k1" || fail "a pulled base got a base key"
key() { grep "^ORCHGEN_KEY_$1=" "$2" | cut -d= -f2; }
touch lock.txt src/product.txt
"$ORCHGEN" keys >"$T/k2"
cmp -s "$T/k1" "$T/k2" || fail "touch changed the keys"
echo v2 >lock.txt
"$ORCHGEN" keys >"$T/k3"
[ "$(key WARM_ALPHA "$T/k3")" != "$(key WARM_ALPHA "$T/k1")" ] || fail "a warm input changed, the warm key did not"
[ "$(key BUILD_ALPHA "$T/k3")" = "$(key BUILD_ALPHA "$T/k1")" ] || fail "a warm input changed the build key"
echo 'product 2' >src/product.txt
"$ORCHGEN" keys >"$T/k4"
[ "$(key BUILD_BETA "$T/k4")" != "$(key BUILD_BETA "$T/k3")" ] || fail "a source changed, the build key did not"
[ "$(key IMAGE_BETA "$T/k4")" = "$(key IMAGE_BETA "$T/k1")" ] || fail "a source changed the image key"
"$ORCHGEN" keys --format=github --distro=beta >"$T/gh"
grep -qx "build-beta=$(key BUILD_BETA "$T/k4")" "$T/gh" || fail "github output lacks build-beta"
! grep -q alpha "$T/gh" || fail "--distro=beta printed alpha"
"$ORCHGEN" keys --format=json | python3 -m json.tool >/dev/null || fail "keys --format=json is not JSON"
