# [distro ../x] would escape .orch/: exit 2 at the section's line, build.ninja kept.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN"
cp build.ninja "$T/good.ninja"
printf '[distro ../x]\nbase = x\n' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "^orchgen: orchgen.ini:$(($(wc -l <orchgen.ini) - 1)): bad name in \[distro \.\./x\]"
cmp -s build.ninja "$T/good.ninja" || fail "build.ninja changed"
[ ! -e ../x ] && [ ! -e .orch/x ] || fail "something was created for ../x"
