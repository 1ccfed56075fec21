# orchgen keys: content keys that change with content, not with mtimes.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN" keys >"$T/k1"
grep -q '^ORCHGEN_KEY_CONTEXT=[0-9a-f]\{32\}$' "$T/k1" || fail "no context key"
grep -q '^ORCHGEN_KEY_IMAGE_ALPHA=[0-9a-f]\{16\}$' "$T/k1" || fail "no image key for alpha"
a=$(grep ALPHA "$T/k1"); b=$(grep BETA "$T/k1")
[ "${a#*=}" != "${b#*=}" ] || fail "distros with different build-args share a key"
touch docker/Dockerfile orchgen.ini
"$ORCHGEN" keys >"$T/k2"
cmp -s "$T/k1" "$T/k2" || fail "touch changed the keys"
echo 'RUN true' >>docker/Dockerfile
"$ORCHGEN" keys >"$T/k3"
! grep -q "^$a$" "$T/k3" || fail "editing the Dockerfile kept alpha's key"
"$ORCHGEN" keys --format=json --distro=beta >"$T/json"
grep -q '"beta": "[0-9a-f]\{16\}"' "$T/json" || fail "json keys lack beta"
! grep -q '"alpha"' "$T/json" || fail "--distro=beta listed alpha"
