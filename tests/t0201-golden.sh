# Each fixture project under tests/golden/CASE generates exactly
# CASE/expected.ninja (orchgen's own path shown as ORCHGEN), and Ninja
# accepts the file: `ninja -n` plans the default target, and the hash edges
# (which need no engine) run, quoted arguments and all.
# UPDATE_GOLDEN=1 rewrites the expected files instead; review the diff.
. "$TOP/tests/lib.sh"
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config"	# no user config.ini
for dir in "$TOP"/tests/golden/*/; do
	case=$(basename "$dir")
	cp -R "$dir" "$T/$case"
	rm -f "$T/$case/expected.ninja"
	(cd "$T/$case" && "$ORCHGEN") >"$T/$case.out" 2>&1 || { cat "$T/$case.out"; fail "$case: orchgen failed"; }
	grep -qx "wrote build.ninja: [0-9]* distros\?, [0-9]* suites\?, [0-9]* jobs\?" "$T/$case.out" &&
		[ "$(wc -l <"$T/$case.out")" -eq 1 ] || { cat "$T/$case.out"; fail "$case: orchgen printed more or less than its one line"; }
	sed 's/^orchgen = .*/orchgen = ORCHGEN/' "$T/$case/build.ninja" >"$T/$case.ninja"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$T/$case.ninja" "$dir/expected.ninja"
	else
		diff -u "$dir/expected.ninja" "$T/$case.ninja" || fail "$case: build.ninja differs from expected.ninja"
	fi
	(cd "$T/$case" && ninja -n) >"$T/$case.plan" 2>&1 || { cat "$T/$case.plan"; fail "$case: ninja -n rejected build.ninja"; }
	! grep -q 'REGEN\|regenerating' "$T/$case.plan" || fail "$case: a fresh build.ninja is out of date"
	grep -q 'TEST\|custom: ' "$T/$case.plan" || { cat "$T/$case.plan"; fail "$case: ninja -n plans no job"; }
	(cd "$T/$case" && ninja -t targets rule hash | tr '\n' '\0' | xargs -0 ninja) >"$T/$case.hash" 2>&1 ||
		{ cat "$T/$case.hash"; fail "$case: a hash edge failed"; }
done
