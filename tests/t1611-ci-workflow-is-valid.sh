# The repository's own workflow, .github/workflows/ci.yml, passes a real
# workflow validator (action-validator, which make setup installs), and
# the validator rejects a broken copy of it; every shell step of it is
# one script of ci/ that exists (the tests run them); it restores caches,
# runs a matrix from the plan job, uploads results and merges them.
. "$TOP/tests/lib.sh"
wf=$TOP/.github/workflows/ci.yml
validator=$TOP/tests/tmp/node/node_modules/.bin/action-validator
[ -x "$validator" ] || fail "no $validator: make setup installs it"
expect_exit 0 "$validator" "$wf"
sed 's/^    runs-on:/    runs_on:/' "$wf" >"$T/bad-key.yml"
expect_exit 1 "$validator" "$T/bad-key.yml"
expect_output "runs_on"
sed 's/^    needs: plan$/    needs: planned/' "$wf" >"$T/bad-needs.yml"
expect_exit 1 "$validator" "$T/bad-needs.yml"
expect_output "unresolved job planned"

# Every run: is one line, `[sudo ]sh ci/NAME.sh ARGS` (words, or "$VARIABLE"),
# and NAME.sh exists.
grep -nE '^ *(- )?run:' "$wf" >"$T/runs"
[ "$(grep -c . "$T/runs")" -ge 7 ] || fail "the workflow has fewer shell steps than expected"
while IFS= read -r line; do
	script=$(echo "$line" | sed -En 's/^[0-9]+: *(- )?run: (sudo )?sh (ci\/[a-z]+\.sh)( ("\$[A-Z]+"|[a-z0-9.\/-]+))*$/\3/p')
	[ -n "$script" ] || fail "a shell step is not one script of ci/: $line"
	[ -f "$TOP/$script" ] || fail "the workflow runs $script, which is not there"
done <"$T/runs"
for want in 'uses: actions/cache@' 'uses: actions/upload-artifact@' 'uses: actions/download-artifact@' \
	'matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}' 'sh ci/report.sh' 'sh ci/test.sh "$DISTRO" "$SHARD"'; do
	grep -qF "$want" "$wf" || fail "the workflow lacks $want"
done
# Each cache entry is keyed on its own key of the plan's matrix.
for key in 'images-${{ matrix.distro }}-${{ matrix.image }}-${{ matrix.base }}' \
	'build-${{ matrix.distro }}-${{ matrix.build }}' \
	'run-${{ matrix.distro }}-${{ matrix.shard }}-${{ matrix.run }}-'; do
	grep -qF "key: $key" "$wf" || fail "no cache entry is keyed $key"
done
