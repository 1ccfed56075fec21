# A no-op ninja asks the engine one question, whatever the number of
# distros: of Docker's socket itself, or, when the client would go
# elsewhere (a docker context), one client call. It runs no image edge and
# rewrites no presence file.
. "$TOP/tests/lib.sh"
built_project
for d in gamma delta epsilon zeta; do
	printf '\n[distro %s]\nbase = %s\n' "$d" "$BASE_IMAGE" >>orchgen.ini
done
"$ORCHGEN"
ninja_ok
noop() {	# noop DISTROS CALLS: a no-op run makes CALLS client calls, runs nothing
	reset_calls
	before=$(ls -l --time-style=full-iso .orch/present)
	ninja_ok
	[ "$(wc -l <"$T/docker.calls")" -eq "$2" ] || fail "a no-op with $1 distros called docker $(wc -l <"$T/docker.calls") times, not $2: $(cat "$T/docker.calls")"
	[ "$(calls image)" -eq "$2" ] || fail "the call is no image listing: $(cat "$T/docker.calls")"
	[ "$(count IMAGE)" -eq 0 ] || fail "a no-op with $1 distros ran $(count IMAGE) image edges"
	[ "$(ls -l --time-style=full-iso .orch/present)" = "$before" ] || fail "a no-op rewrote presence files"
}
noop 6 0
DOCKER_CONTEXT=default noop 6 1
"$ORCHGEN" --distros=alpha,beta
ninja_ok
noop 2 0
DOCKER_CONTEXT=default noop 2 1
# What the probe found of alpha: its base, by the ID the engine has.
grep -qx "base $BASE_IMAGE $(docker image inspect --format '{{.Id}}' "$BASE_IMAGE")" .orch/present/alpha ||
	fail "alpha's presence file does not hold its base's ID: $(cat .orch/present/alpha)"
