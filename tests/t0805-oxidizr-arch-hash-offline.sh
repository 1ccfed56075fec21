# examples/oxidizr-arch's hash edges run without an engine. Its build key
# (sources) follows src/ by content; its warm key (warm-inputs) only Cargo.lock.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/oxidizr-arch" "$T/ox" && cd "$T/ox" && rm -rf .orch build.ninja target
"$ORCHGEN" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "orchgen failed"; }
hashes() { ninja -t targets rule hash | tr '\n' '\0' | xargs -0 -r ninja >"$T/hash.out" 2>&1 || { cat "$T/hash.out" >&2; fail "a hash edge failed"; }; }
hashes
src1=$(cat .orch/hash/sources) warm1=$(cat .orch/hash/warm-inputs)
touch src/main.rs Cargo.lock
hashes
[ "$(cat .orch/hash/sources)" = "$src1" ] || fail "touching the sources changed their hash"
echo '// another line' >>src/main.rs
hashes
[ "$(cat .orch/hash/sources)" != "$src1" ] || fail "editing src/main.rs left the sources hash alone"
[ "$(cat .orch/hash/warm-inputs)" = "$warm1" ] || fail "editing src/main.rs changed the warm inputs' hash"
ninja -n test-arch >"$T/plan" 2>&1
! grep -q '\] HASH' "$T/plan" || { cat "$T/plan" >&2; fail "hashes are planned again after they ran"; }
grep -q '\] BUILD arch$' "$T/plan" || fail "ninja -n test-arch plans no BUILD arch"
