# Each spread project of the corpus (tests/spread/*) lists the jobs that
# `spread -list` lists for its systems, without the backend part of their
# names: exactly expected-list.txt, with the warnings of expected-warnings.txt.
. "$TOP/tests/lib.sh"
n=0
for d in "$TOP"/tests/spread/*/; do
	name=$(basename "$d")
	rm -rf "$T/$name"
	cp -R "$d" "$T/$name"
	(cd "$T/$name" && "$ORCHGEN" list >"$T/list" 2>"$T/warnings") || { cat "$T/warnings" >&2; fail "$name: orchgen list failed"; }
	diff -u "$d/expected-list.txt" "$T/list" || fail "$name: the listing differs from expected-list.txt"
	if [ -f "$d/expected-warnings.txt" ]; then
		diff -u "$d/expected-warnings.txt" "$T/warnings" || fail "$name: the warnings differ"
	else
		[ ! -s "$T/warnings" ] || { cat "$T/warnings" >&2; fail "$name: unexpected warnings"; }
	fi
	n=$((n + 1))
done
[ "$n" -ge 5 ] || fail "only $n spread projects in the corpus"
