# In examples/oxidizr-arch, each distro's stages chain by their own files:
# warm on the image and the warm inputs, build on the image and the sources
# (after warm), and a job on its suite, the image and that distro's build.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/oxidizr-arch" "$T/ox" && cd "$T/ox" && rm -rf .orch build.ninja target
"$ORCHGEN" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "orchgen failed"; }
# inputs OUT: the inputs of OUT's edge, one a line ("| " implicit, "|| " order-only)
inputs() { ninja -t query "$1" | awk '/^  input:/ { f = 1; next } /^  [a-z]/ { f = 0 } f { sub(/^ +/, ""); print }'; }
has() { inputs "$1" | grep -qx -- "$2" || { inputs "$1" >&2; fail "$1 lacks input $2"; }; }
for d in arch manjaro cachyos endeavouros; do
	has .orch/stage/$d/warm.ok ".orch/image/$d"
	has .orch/stage/$d/warm.ok .orch/hash/warm-inputs
	has .orch/stage/$d/build.ok ".orch/image/$d"
	has .orch/stage/$d/build.ok .orch/hash/sources
	has .orch/stage/$d/build.ok "|| .orch/stage/$d/warm.ok"
	has ".orch/stamp/$d/main/switch-coreutils:gnu.ok" .orch/hash/suite/main/switch-coreutils.hash
	has ".orch/stamp/$d/main/switch-coreutils:gnu.ok" ".orch/image/$d"
	has ".orch/stamp/$d/main/switch-coreutils:gnu.ok" "| .orch/stage/$d/build.ok"
	other=$(inputs ".orch/stamp/$d/main/version.ok" | sed -nE 's#^(\|\|? )?\.orch/(image|stage|stamp|base|build|cache)/([^/]+).*#\3#p' | grep -vx "$d" || true)
	[ -z "$other" ] || fail "$d's job has inputs of another distro: $other"
done
has .orch/hash/warm-inputs "| Cargo.lock"
has .orch/hash/sources "| src/main.rs"
