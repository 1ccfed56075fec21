# A no-op ninja asks the engine one question, whatever the number of
# distros, runs no image edge, and rewrites no presence file.
. "$TOP/tests/lib.sh"
built_project
for d in gamma delta epsilon zeta; do
	printf '\n[distro %s]\nbase = %s\n' "$d" "$BASE_IMAGE" >>orchgen.ini
done
"$ORCHGEN"
ninja_ok
noop() {	# noop DISTROS: a no-op run asks once
	reset_calls
	before=$(ls -l --time-style=full-iso .orch/present)
	ninja_ok
	[ "$(wc -l <"$T/docker.calls")" -eq 1 ] || fail "a no-op with $1 distros called docker $(wc -l <"$T/docker.calls") times: $(cat "$T/docker.calls")"
	[ "$(calls image)" -eq 1 ] || fail "the one call is no image inspect: $(cat "$T/docker.calls")"
	[ "$(count IMAGE)" -eq 0 ] || fail "a no-op with $1 distros ran $(count IMAGE) image edges"
	[ "$(ls -l --time-style=full-iso .orch/present)" = "$before" ] || fail "a no-op rewrote presence files"
}
noop 6
"$ORCHGEN" --distros=alpha,beta
ninja_ok
noop 2
