# An archive is written under a temporary name and renamed into place: a
# save that fails half-way (a full disk) leaves nothing under the final
# name, nor its temporary, and fails the edge with status 3; one that was
# killed leaves a temporary, which the next save removes.
. "$TOP/tests/lib.sh"
base_image
project
printf '\n[project]\nimage-cache = %s\n' "$T/images" >>orchgen.ini
# A docker whose save writes half the archive, then fails.
mkdir "$T/half"
cat >"$T/half/docker" <<SH
#!/bin/sh
[ "\$1" = save ] || exec "$T/bin/docker" "\$@"
"$T/bin/docker" "\$@" || exit
head -c 1000 "\$3" >"\$3.cut" && mv "\$3.cut" "\$3"
echo "write \$3: no space left on device" >&2
exit 1
SH
chmod +x "$T/half/docker"
"$ORCHGEN"
ninja_ok .orch/hash/context
cmd=$(ninja -t commands image-alpha | tail -n 1)
PATH="$T/half:$PATH" expect_exit 3 sh -c "$cmd"
expect_output "image cache $T/images: $PNAME-alpha:[0-9a-f]* could not be saved (see .orch/stage/alpha/image.log)"
[ -z "$(find "$T/images" -type f)" ] || fail "a failed save left $(find "$T/images" -type f)"
grep -q "no space left on device" .orch/stage/alpha/image.log || fail "the log does not say why the save failed"

# A save killed half-way leaves its temporary, named for its process.
tag=$(docker images --format '{{.Repository}}:{{.Tag}}' "$PNAME-alpha")
sh -c 'exit 0' &
dead=$!
wait $dead
echo half >"$T/images/${tag%:*}/${tag##*:}.tar.tmp$dead"
expect_exit 0 sh -c "$cmd"
[ -s "$T/images/${tag%:*}/${tag##*:}.tar" ] || fail "no archive"
[ -z "$(find "$T/images" -name '*.tmp*')" ] || fail "the temporary of a save that was killed is still there"
