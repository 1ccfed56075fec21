# A test failure is never retried, whatever `retries` says.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/fails
sed -i 's/^jobs = 2/&\nretries = 5/' orchgen.ini
cat >>orchgen.ini <<'INI'

[cache count]
path = /count
INI
printf 'execute: |\n  echo run >>/count/runs\n  exit 1\n' >suites/fails/task.yaml
"$ORCHGEN"
expect_exit 1 ninja test-alpha
[ "$(wc -l <.orch/cache/count/alpha/runs)" -eq 1 ] || fail "the failing job ran $(wc -l <.orch/cache/count/alpha/runs) times"
! grep -q 'trying again' "$T/out" || fail "a failure was retried"
grep -q '"attempts": 1' .orch/results/alpha/fails.json || fail "attempts is not 1"
