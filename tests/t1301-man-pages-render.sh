# Each man page renders without a warning, and the pages document every key
# the sources know: each key of the tables in src/matrix.c under its section
# of orchgen.ini(5), with what it feeds, and each key of src/suite.c's
# keys[] in orchgen-task.yaml(5). A key added without its entry fails here.
. "$TOP/tests/lib.sh"
command -v man >/dev/null || fail "no man to render the pages with"
for page in orchgen.1 orchgen.ini.5 orchgen-task.yaml.5; do
	MANWIDTH=80 man --warnings -l "$TOP/doc/$page" >/dev/null 2>"$T/warnings" || fail "$page does not render"
	[ ! -s "$T/warnings" ] || { cat "$T/warnings" >&2; fail "$page renders with warnings"; }
	# A control character (a form feed where \f was meant) renders as text.
	! LC_ALL=C grep -n "$(printf '[\001-\010\013-\037]')" "$TOP/doc/$page" >"$T/ctl" || fail "$page holds a control character: $(cat -A "$T/ctl")"
done

# feeds EXPR: a FEEDS_ expression of src/matrix.c as the page words it,
# "base, image, warm, build, jobs" or "none"; a macro is read from its #define.
feeds() {
	expr=$1
	for tok in $(echo "$1" | tr -c 'A-Z_\n' ' '); do
		case $tok in FEEDS_*) continue ;; esac
		def=$(sed -n "s/^#define $tok (\(.*\))$/\1/p" "$TOP/src/matrix.c")
		[ -n "$def" ] || fail "cannot read what $tok feeds"
		expr="$expr $def"
	done
	out=
	for f in BASE:base IMAGE:image WARM:warm BUILD:build JOB:jobs; do
		case "$expr " in *"FEEDS_${f%%:*}"[!A-Z_]*) out="$out${out:+, }${f#*:}" ;; esac
	done
	echo "${out:-none}"
}

# The sections of orchgen.ini and their tables, as matrix_keys() pairs them.
sections=$(grep -o '{"[a-z]*", [a-z]*_keys}' "$TOP/src/matrix.c" | sed 's/{"\([a-z]*\)", \([a-z_]*\)}/\1:\2/')
[ -n "$sections" ] || fail "no key tables found in src/matrix.c"
for s in $sections; do
	sed -n "/^static const struct key ${s#*:}\[\] = {/,/^};/p" "$TOP/src/matrix.c" |
		sed -n 's/^[[:space:]]*{"\([^"]*\)", [^,]*, [A-Z]([a-z_]*), \(.*\)},$/\1 \2/p' >"$T/table"
	[ -s "$T/table" ] || fail "no keys read from ${s#*:}"
	while read -r key expr; do
		echo "$key: $(feeds "$expr")"
	done <"$T/table" | LC_ALL=C sort >"$T/expected"
	# Each entry of the section: its tag after .TP, then its "Feeds:" line.
	awk -v sec="${s%%:*}" '
		/^\.SH/ { on = index($0, "\"THE [" sec) > 0; next }
		!on { next }
		/^\.TP/ { tag = 1; next }
		tag { key = $2; gsub(/\\-/, "-", key); tag = 0; next }
		/^Feeds: / && key != "" { sub(/^Feeds: /, ""); sub(/\.$/, ""); print key ": " $0; key = "" }
	' "$TOP/doc/orchgen.ini.5" | LC_ALL=C sort >"$T/documented"
	diff -u "$T/expected" "$T/documented" ||
		fail "[${s%%:*}] in orchgen.ini.5 differs from ${s#*:} in src/matrix.c (-: the source, +: the page)"
done

# task.yaml: every key of keys[] that a task has (L_TASK or L_SCRIPTS: the others are
# spread.yaml's levels') is an entry under KEYS, and no other.
sed -n '/^static const struct key keys\[\] = {/,/^};/p' "$TOP/src/suite.c" | grep 'L_TASK\|L_SCRIPTS' |
	sed -n 's/^[[:space:]]*{"\([^"]*\)",.*/\1/p' | LC_ALL=C sort >"$T/expected"
[ -s "$T/expected" ] || fail "no keys read from keys[] in src/suite.c"
awk '
	/^\.SH/ { on = $2 == "KEYS"; next }
	on && /^\.TP/ { tag = 1; next }
	on && tag { key = $2; gsub(/\\-/, "-", key); print key; tag = 0 }
' "$TOP/doc/orchgen-task.yaml.5" | LC_ALL=C sort >"$T/documented"
diff -u "$T/expected" "$T/documented" ||
	fail "KEYS in orchgen-task.yaml.5 differs from keys[] in src/suite.c (-: the source, +: the page)"
# ...and the keys of a skip entry, under SKIP.
for key in $(sed -n '/^static const struct key skipkeys\[\] = {/,/^};/p' "$TOP/src/suite.c" |
	sed -n 's/^[[:space:]]*{"\([^"]*\)",.*/\1/p'); do
	sed -n '/^\.SH SKIP/,/^\.SH /p' "$TOP/doc/orchgen-task.yaml.5" | grep -q "^\.BR* $key\( \|$\)" ||
		fail "skip's key $key is not under SKIP in orchgen-task.yaml.5"
done

# orchgen(1) points to both pages.
sed -n '/^\.SH SEE ALSO/,$p' "$TOP/doc/orchgen.1" >"$T/see-also"
grep -q '^\.BR orchgen\.ini (5)' "$T/see-also" || fail "orchgen.1 does not name orchgen.ini(5)"
grep -q '^\.BR orchgen\\-task\.yaml (5)' "$T/see-also" || fail "orchgen.1 does not name orchgen-task.yaml(5)"
