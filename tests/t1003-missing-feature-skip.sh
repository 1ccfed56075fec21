# [project] missing-feature = skip: a job whose distro lacks a required
# feature is skipped with the reason, and ninja succeeds.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/needs
printf 'requires: [systemd]\nexecute: echo mark-execute\n' >suites/needs/task.yaml
sed -i 's/^jobs = 2/&\nmissing-feature = skip/' orchgen.ini
"$ORCHGEN"
ninja_ok all-distros
grep -q '"status": "skip"' .orch/results/alpha/needs.json || fail "not a skip"
grep -q '"reason": "requires systemd, which alpha' .orch/results/alpha/needs.json || fail "no reason"
grep -q 'alpha:needs: skip: requires systemd' "$T/ninja.out" || fail "the skip was not reported"
sed -i 's/^missing-feature = skip/missing-feature = maybe/' orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output 'orchgen.ini:4: bad missing-feature "maybe": expected fail or skip'
