# Generation refuses an image cache it could not keep (not a directory,
# not writable, not makeable, part of an input) and a registry that is not
# HOST[:PORT]/PREFIX: FILE:LINE, exit 2, build.ninja as it was. A
# directory below .orch, or one the context's .dockerignore leaves out,
# is no input.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN" >/dev/null
cp build.ninja "$T/build.ninja"
touch "$T/file"
mkdir -p "$T/locked"
chattr +i "$T/locked" || fail "chattr +i failed: a directory that even root cannot write is needed"
trap 'chattr -i "$T/locked"; remove_leftovers' EXIT

# refused KEY VALUE MESSAGE: the key on line 13 of orchgen.ini is refused.
refused() {
	cp orchgen.ini "$T/ini"
	printf '\n[project]\n%s = %s\n' "$1" "$2" >>orchgen.ini
	expect_exit 2 "$ORCHGEN"
	expect_output "^orchgen: orchgen.ini:13: $3"
	cmp -s build.ninja "$T/build.ninja" || fail "build.ninja changed when $1 = $2 was refused"
	mv "$T/ini" orchgen.ini
}
refused image-cache "$T/file" "image-cache $T/file: not a directory: expected a directory that can be written, or made"
refused image-cache "$T/file/images" "image-cache $T/file/images cannot be made: $T/file: not a directory"
refused image-cache docker/images "image-cache docker/images is part of the docker context: .*expected a directory outside every input"
refused image-cache ./suites/../suites/images "image-cache suites/images is part of the suites"
ln -s docker "$T/project/linked"
refused image-cache linked/images "image-cache linked/images is part of the docker context"
refused image-cache "$T/locked" "image-cache $T/locked: Operation not permitted"
refused image-cache "$T/locked/images" "image-cache $T/locked/images cannot be made: $T/locked: Operation not permitted"
refused registry 127.0.0.1:5000 'bad registry "127.0.0.1:5000": expected HOST\[:PORT\]/PREFIX'
refused registry ci/images 'bad registry "ci/images"'
refused registry 'localhost:5000/CI' 'bad registry "localhost:5000/CI"'

# With the whole project as the context, .orch is not part of it, and
# neither is what its .dockerignore leaves out.
expect_exit 2 "$ORCHGEN" -D project.context=. -D project.image-cache=images
expect_output "image-cache images is part of the docker context"
expect_exit 0 "$ORCHGEN" -D project.context=. -D project.image-cache=.orch/images
echo images >.dockerignore
expect_exit 0 "$ORCHGEN" -D project.context=. -D project.image-cache=images
[ ! -e images ] && [ ! -e .orch/images ] || fail "generation made the image cache: only an edge that saves makes it"
