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
	'matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}' 'sh ci/report.sh' 'sh ci/test.sh "$DISTRO" "$SHARD"' \
	'sh ci/images.sh "$DISTRO"'; do
	grep -qF "$want" "$wf" || fail "the workflow lacks $want"
done
# Each cache entry is keyed on its own key of the plan's matrix.
for key in 'images-${{ matrix.distro }}-${{ matrix.image }}-${{ matrix.base }}' \
	'build-${{ matrix.distro }}-${{ matrix.build }}' \
	'run-${{ matrix.distro }}-${{ matrix.shard }}-${{ matrix.run }}-'; do
	grep -qF "key: $key" "$wf" || fail "no cache entry is keyed $key"
done
# The images entry is the image cache ci/images.sh sets, D's only; it is
# saved once the images are made, before the jobs run (a failed job loses
# none of them), and only when it was not restored; the run state leaves
# it out.
grep -qF 'project.image-cache=".orch/images/$d"' "$TOP/ci/images.sh" || fail "ci/images.sh does not set D's image cache"
[ "$(grep -cF 'path: .orch/images/${{ matrix.distro }}' "$wf")" -eq 2 ] || fail "the images entry is not .orch/images/D, restored and saved"
grep -qF '!.orch/images' "$wf" || fail "the run state holds the image cache"
sed -n '/uses: actions\/cache\/save@/,$p' "$wf" >"$T/after-save"
grep -qF 'sh ci/test.sh' "$T/after-save" || fail "the images are saved after the jobs, not before"
grep -B1 'uses: actions/cache/save@' "$wf" | grep -qxF "      - if: steps.images.outputs.cache-hit != 'true'" ||
	fail "the images are saved when they were restored, or when they could not be made"
