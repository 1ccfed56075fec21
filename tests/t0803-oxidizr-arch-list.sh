# orchgen list on examples/oxidizr-arch: every suite on every distro (each
# has the locale-de feature), both variants, the AUR suite marked manual.
. "$TOP/tests/lib.sh"
cp -R "$TOP/examples/oxidizr-arch" "$T/ox" && cd "$T/ox" && rm -rf .orch build.ninja target
"$ORCHGEN" list >"$T/list" 2>"$T/err" || { cat "$T/err" >&2; fail "orchgen list failed"; }
[ ! -s "$T/err" ] || { cat "$T/err" >&2; fail "orchgen list warned"; }
for d in arch cachyos endeavouros manjaro; do
	printf '%s\t%s\n' "$d:aur/build-uutils" manual "$d:main/locale-de" auto "$d:main/restore" auto \
		"$d:main/switch-coreutils:uutils" auto "$d:main/switch-coreutils:gnu" auto "$d:main/version" auto
done >"$T/want"
# compared sorted: the order of the listing is t0401's business
sort "$T/want" >"$T/want.sorted" && sort "$T/list" >"$T/list.sorted"
diff -u "$T/want.sorted" "$T/list.sorted" || fail "orchgen list differs from the expected jobs"
grep -q 'requires: \[locale-de\]' tests/main/locale-de/task.yaml || fail "main/locale-de no longer requires locale-de"
[ "$(grep -c '^features = .*locale-de' orchgen.ini)" -eq 4 ] || fail "not every distro has the locale-de feature"
