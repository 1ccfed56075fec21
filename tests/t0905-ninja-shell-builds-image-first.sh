# ninja shell-D builds D's image when it is missing, then runs the shell on
# the console: stdin reaches it.
. "$TOP/tests/lib.sh"
base_image
project
"$ORCHGEN"
echo 'echo "in $ORCHGEN_DISTRO"' >"$T/script"
ninja shell-alpha <"$T/script" >"$T/ninja.out" 2>&1 || { cat "$T/ninja.out"; fail "ninja shell-alpha failed"; }
grep -q 'IMAGE alpha' "$T/ninja.out" || fail "ninja shell-alpha did not make the image first"
grep -q '^in alpha$' "$T/ninja.out" || { cat "$T/ninja.out"; fail "the shell did not read stdin"; }
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "the shell's container is still there"
