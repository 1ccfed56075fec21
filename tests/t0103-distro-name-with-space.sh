# [distro Arch Linux] is no image name: exit 2 at the section's line, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf '\n[distro Arch Linux]\nbase = archlinux\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "^orchgen: orchgen.ini:$(($(wc -l <orchgen.ini) - 1)): bad name in \[distro Arch Linux\]"
[ "$(grep -c 'bad name' "$T/out")" -eq 1 ] || fail "reported more than once"
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
