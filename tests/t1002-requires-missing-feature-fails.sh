# requires: a distro that lacks a required feature fails the job without
# starting a container (the zero-skip policy); one that has it runs it.
. "$TOP/tests/lib.sh"
base_image
project
docker_spy
rm -r suites/main
mkdir -p suites/needs
printf 'requires: [locale-de, apt]\nexecute: echo mark-execute\n' >suites/needs/task.yaml
sed -i 's/^base = .*/&\nfeatures = apt locale-de/' orchgen.ini
sed -i '/^\[distro beta\]/,$ s/^features = .*/features = apt/' orchgen.ini
"$ORCHGEN"
ninja_ok images
reset_calls
expect_exit 1 ninja -k 0 all-distros
expect_output 'beta:needs: error: requires locale-de, which beta'
grep -q '"status": "pass"' .orch/results/alpha/needs.json || fail "alpha has the features and did not pass"
grep -q '"status": "error"' .orch/results/beta/needs.json || fail "beta's result is not an error"
grep -q '"reason": "requires locale-de' .orch/results/beta/needs.json || fail "beta's result has no reason"
[ "$(calls run)" -eq 1 ] || fail "expected one container (alpha's), got $(calls run)"
[ ! -e .orch/stamp/beta/needs.ok ] || fail "the failed job has a stamp"
