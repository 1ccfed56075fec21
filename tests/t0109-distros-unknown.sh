# --distros naming a distro the matrix lacks: exit 2 naming it, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
expect_exit 2 "$ORCHGEN" --distros=alpha,gamma
expect_output '"gamma"'
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
expect_exit 0 "$ORCHGEN" --distros=beta -o beta.ninja
! grep -q image-alpha beta.ninja || fail "--distros=beta kept alpha"
