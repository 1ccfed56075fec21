# image-cache and registry say where images travel, not what they hold:
# adding them to a built project changes no key and reruns no edge but the
# image edges, which save the archives the cache lacks (nothing is built,
# and only what is built is pushed).
. "$TOP/tests/lib.sh"
built_project
"$ORCHGEN" keys >"$T/keys-before"
printf '\n[project]\nimage-cache = %s\nregistry = 127.0.0.1:%s/ci\n' "$T/images" "$(free_port)" >>orchgen.ini
"$ORCHGEN" keys >"$T/keys-after"
cmp -s "$T/keys-before" "$T/keys-after" || fail "a key changed: $(diff "$T/keys-before" "$T/keys-after")"
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "an image was built"
[ "$(calls run)" -eq 0 ] || fail "a job ran again"
[ "$(calls push)" -eq 0 ] || fail "an image that was not built was pushed"
[ "$(calls save)" -eq 2 ] || fail "expected the 2 images to be saved, got $(calls save)"
reset_calls
ninja_ok
[ "$(calls save)" -eq 0 ] || fail "an archive that was there was saved again"
