# Names that would make one file or target twice are refused at generation
# (status 2, both named), rather than writing a build.ninja that ninja can
# neither load nor regenerate.
. "$TOP/tests/lib.sh"
project
mkdir -p 'suites/a:b' suites/a
printf 'execute: true\n' >'suites/a:b/task.yaml'
printf 'environment:\n  X/b: 1\nexecute: true\n' >suites/a/task.yaml
expect_exit 2 "$ORCHGEN"
expect_output 'build.ninja would name ".orch/[a-z]*/alpha/a:b.[a-z]*" twice: the [a-z]* of suite a, variant b, on alpha, and the [a-z]* of suite a:b on alpha'
[ ! -e build.ninja ] || fail "build.ninja was written"
rm -r 'suites/a:b'
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
expect_exit 2 "$ORCHGEN" -o all-distros
expect_output 'would name "all-distros" twice'
cmp -s build.ninja "$T/good.ninja" || fail "a refused generation changed build.ninja"
mv suites images
printf 'suites = images\n' >>"$T/extra"
sed -i "/^jobs = /r $T/extra" orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'would name "images" twice: the target images, and the directory images'
cmp -s build.ninja "$T/good.ninja" || fail "a refused generation changed build.ninja"
