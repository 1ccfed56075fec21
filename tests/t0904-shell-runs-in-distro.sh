# orchgen shell D runs a shell in D's image, reading commands from stdin,
# with the workspace mounted; it exits with the shell's status and leaves
# no container.
. "$TOP/tests/lib.sh"
built_project
printf 'test -f /workspace/orchgen.ini || exit 9\necho "in $ORCHGEN_DISTRO"\nexit 7\n' >"$T/script"
expect_exit 7 "$ORCHGEN" shell alpha <"$T/script"
expect_output '^in alpha$'
[ -z "$(docker ps -aq --filter "label=orchgen.project=$PNAME")" ] || fail "the shell's container is still there"
