# An image cache that cannot be written when an image is to be made stops
# the image edge before it builds: exit 3, at once (trying again will not
# help), with what it could not write; nothing is left in the directory.
# Once it can be written, the image is built and saved.
. "$TOP/tests/lib.sh"
base_image
project
mkdir "$T/images"
# chattr +i: a directory that even root cannot write.
chattr +i "$T/images" || fail "chattr +i failed: a directory that even root cannot write is needed"
chattr -i "$T/images"
trap 'chattr -i "$T/images" 2>/dev/null; remove_leftovers' EXIT
printf '\n[project]\nimage-cache = %s\n' "$T/images" >>orchgen.ini
"$ORCHGEN"
ninja_ok .orch/hash/context
chattr +i "$T/images"
docker_spy
expect_exit 3 sh -c "$(ninja -t commands image-alpha | tail -n 1)"
expect_output "^orchgen: image cache $T/images: cannot write $T/images/$PNAME-alpha/[0-9a-f]*\.tar: Operation not permitted: expected a directory this user can write (\[project\] image-cache, orchgen.ini:13)"
grep -q "trying again" "$T/out" && fail "an image cache that cannot be written was tried again"
[ "$(calls build)" -eq 0 ] || fail "the image was built before the image cache was found unwritable"
[ -z "$(ls -A "$T/images")" ] || fail "something was left in the image cache: $(ls -A "$T/images")"
chattr -i "$T/images"
ninja_ok image-alpha
tag=$(cat .orch/image/alpha)
[ -s "$T/images/${tag%:*}/${tag##*:}.tar" ] || fail "no archive once the image cache could be written"
