# orchgen gc removes the image cache's archives that no distro's current
# key names (what an image's record names, a base's recipe), but the N
# newest others of each image and base with --keep-archives=N, and the
# temporaries of saves that were killed. Files that are no archive of
# ours, and other repositories' archives, stay; so do the archives of an
# image that has no record here, since which is current is not known.
. "$TOP/tests/lib.sh"
base_image
stage_project
printf '\n[project]\nimage-cache = %s\n' "$T/images" >>orchgen.ini
"$ORCHGEN"
ninja_ok images
image=$(cat .orch/image/alpha) base=$(cat .orch/base/alpha) beta=$(cat .orch/image/beta)
dir=$T/images/$PNAME-alpha bdir=$T/images/$PNAME-base-alpha
# Older archives of alpha's image (1 the newest, 3 the oldest) and base.
for n in 1 2 3; do
	echo old >"$dir/000000000000000$n.tar"
	touch -d "-$n hours" "$dir/000000000000000$n.tar"
	echo old >"$bdir/000000000000000$n.tar"
	touch -d "-$n hours" "$bdir/000000000000000$n.tar"
done
echo notes >"$dir/notes.txt"
mkdir -p "$T/images/other-project-alpha"
echo other >"$T/images/other-project-alpha/0000000000000001.tar"
sh -c 'exit 0' &
dead=$!
wait $dead
echo half >"$dir/0000000000000009.tar.tmp$dead"

expect_exit 0 "$ORCHGEN" gc --keep-archives=1
for n in 2 3; do
	expect_output "^removed $dir/000000000000000$n.tar$"
	expect_output "^removed $bdir/000000000000000$n.tar$"
done
[ -e "$dir/0000000000000001.tar" ] && [ -e "$bdir/0000000000000001.tar" ] || fail "--keep-archives=1 did not keep the newest old archive"
[ ! -e "$dir/0000000000000009.tar.tmp$dead" ] || fail "the temporary of a killed save is still there"
expect_exit 0 "$ORCHGEN" gc
expect_output "^removed $dir/0000000000000001.tar$"
expect_output "^removed $bdir/0000000000000001.tar$"
for tag in "$image" "$base" "$beta"; do
	[ -s "$T/images/${tag%:*}/${tag##*:}.tar" ] || fail "gc removed the current archive of $tag"
done
[ -e "$dir/notes.txt" ] || fail "gc removed a file that is no archive"
[ -e "$T/images/other-project-alpha/0000000000000001.tar" ] || fail "gc removed another project's archive"

# Without a record of beta's image, its archives all stay.
echo old >"$T/images/$PNAME-beta/0000000000000001.tar"
rm .orch/image/beta
expect_exit 0 "$ORCHGEN" gc
expect_output "image cache $T/images: no image of beta is recorded here (ninja has not made it yet): its archives are kept"
[ -e "$T/images/$PNAME-beta/0000000000000001.tar" ] || fail "gc removed an archive of an image with no record"
expect_exit 2 "$ORCHGEN" gc --keep-archives=-1
expect_output "keep-archives=-1: expected a whole number, 0 or more"
