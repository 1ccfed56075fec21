# A registry is an optimisation: one that does not answer is a warning,
# the image is built, its push fails with a warning, and the run passes.
. "$TOP/tests/lib.sh"
base_image
project
REGISTRY=127.0.0.1:$(free_port)
printf '\n[project]\nregistry = %s/ci\n' "$REGISTRY" >>orchgen.ini
docker_spy
"$ORCHGEN"
ninja_ok
[ "$(calls build)" -eq 2 ] || fail "expected 2 builds, got $(calls build)"
grep -q "^orchgen: registry $REGISTRY/ci does not answer (.*connection refused.*): $PNAME-alpha:[0-9a-f]* is made here" "$T/ninja.out" ||
	{ cat "$T/ninja.out" >&2; fail "no warning that the registry does not answer"; }
grep -q "^orchgen: registry $REGISTRY/ci: $PNAME-beta:[0-9a-f]* could not be pushed (.*): a runner that lacks it makes it again" "$T/ninja.out" ||
	{ cat "$T/ninja.out" >&2; fail "no warning that the push failed"; }
[ -z "$(docker images --format '{{.Repository}}' | grep "^$REGISTRY/")" ] || fail "the registry's names were left in the engine"
