# -o cannot name a file orchgen reads (the matrix, a task, the Dockerfile):
# refused, the file unchanged. An output that is a link is written
# through: the link stays, the file it leads to is the Ninja file.
. "$TOP/tests/lib.sh"
project
cp orchgen.ini "$T/ini"
expect_exit 2 "$ORCHGEN" -o orchgen.ini
expect_output '-o orchgen.ini: orchgen.ini is an input'
cmp -s orchgen.ini "$T/ini" || fail "the matrix was overwritten"
expect_exit 2 "$ORCHGEN" -o ./docker/Dockerfile
expect_output 'docker/Dockerfile is an input'
grep -q '^ARG BASE_IMAGE' docker/Dockerfile || fail "the Dockerfile was overwritten"
mkdir -p out
ln -s out/real.ninja build.ninja
"$ORCHGEN"
[ -L build.ninja ] || fail "the link was replaced by a file"
grep -q '^rule test' out/real.ninja || fail "the link's file is not the Ninja file"
ninja -n >/dev/null || fail "ninja does not read it through the link"
