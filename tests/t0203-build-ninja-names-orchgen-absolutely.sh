# build.ninja names orchgen by its absolute path, however it was called, so
# that ninja works from a shell whose PATH lacks orchgen.
. "$TOP/tests/lib.sh"
project
mkdir -p "$T/onpath"
ln -s "$ORCHGEN" "$T/onpath/orchgen"
PATH="$T/onpath:$PATH" orchgen
grep -qx "orchgen = $(readlink -f "$ORCHGEN")" build.ninja || fail "not the absolute path: $(grep '^orchgen = ' build.ninja)"
env PATH=/usr/bin:/bin ninja .orch/hash/context >"$T/out" 2>&1 || { cat "$T/out"; fail "ninja failed without orchgen on PATH"; }
[ -s .orch/hash/context ] || fail "the hash edge wrote nothing"
