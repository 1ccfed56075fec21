# rebuild-D builds D's image again, every step (--no-cache), whenever it is
# named; pull = always pulls the base on every run (and uses the one there
# when no registry answers); a base that is not there and cannot be pulled
# is said once, with what would make it, and not tried again.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN" --distros=alpha
ninja_ok images
docker_spy
ninja_ok rebuild-alpha
grep -q '^build .*--no-cache' "$T/docker.calls" || fail "rebuild-alpha did not build without the cache"
reset_calls
ninja_ok rebuild-alpha
[ "$(calls build)" -eq 1 ] || fail "rebuild-alpha did not build again"
ninja_ok images
[ "$(calls build)" -eq 1 ] || fail "image-alpha built after a rebuild of the same tag"
# The images the rebuilds took the tag from are the project's leftovers.
untagged() { docker images -q --filter dangling=true --filter "label=orchgen.project=$PNAME"; }
[ -n "$(untagged)" ] || fail "the rebuilds left no untagged image (the test tests nothing)"
expect_exit 0 "$ORCHGEN" gc
expect_output '^removed image [0-9a-f]* (untagged)$'
[ -z "$(untagged)" ] || fail "gc left the untagged images: $(untagged)"
docker image inspect "$(cat .orch/image/alpha)" >/dev/null 2>&1 || fail "gc removed alpha's image"
sed -i "0,/^base = .*/s//&\npull = always/" orchgen.ini
"$ORCHGEN" --distros=alpha
reset_calls
ninja_ok images
[ "$(calls pull)" -ge 1 ] || fail "pull = always did not pull"
grep -q 'could not be pulled: the one the engine has is used' "$T/ninja.out" || fail "no word that the local base was used"
sed -i '/^pull = always/d' orchgen.ini
sed -i "0,/^base = .*/s//base = $PNAME-no-such-base:1/" orchgen.ini
"$ORCHGEN" --distros=alpha
expect_exit 1 ninja images
expect_output "base image $PNAME-no-such-base:1 is not here and could not be pulled: make it"
! grep -q 'trying again' "$T/out" || fail "a base that cannot be pulled was tried again"
