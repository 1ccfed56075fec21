# In examples/oxidizr-arch every distro has its own targets, and what
# test-arch runs (ninja -t commands) touches only arch's files and images.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/oxidizr-arch" "$T/ox" && cd "$T/ox" && rm -rf .orch build.ninja target
"$ORCHGEN" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "orchgen failed"; }
ninja -t targets all | sed 's/: .*//' >"$T/targets"
for t in images warm all-distros; do grep -qx "$t" "$T/targets" || fail "no target $t"; done
for d in arch manjaro cachyos endeavouros; do
	for t in image-$d warm-$d build-$d test-$d test-$d/main/switch-coreutils test-$d/main/switch-coreutils:uutils test-$d/aur/build-uutils; do
		grep -qx "$t" "$T/targets" || fail "no target $t"
	done
done
ninja -t commands test-arch >"$T/cmds"
for stage in image warm build test; do
	grep -Eq "^[^ ]*orchgen $stage .*--distro arch( |$)" "$T/cmds" || { cat "$T/cmds" >&2; fail "test-arch runs no $stage of arch"; }
done
! grep -E 'manjaro|cachyos|endeavouros' "$T/cmds" || fail "test-arch runs commands of another distro"
! grep -e '--distro' "$T/cmds" | grep -v -e '--distro arch ' || fail "test-arch names another distro"
! grep -q 'aur/build-uutils' "$T/cmds" || fail "test-arch runs the manual suite"
