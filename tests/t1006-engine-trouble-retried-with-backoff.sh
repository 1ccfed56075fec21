# Engine trouble (here: the job's image is gone) is retried `retries` times
# with backoff 1s, 2s; then the job is an error and the helper exits 3.
. "$TOP/tests/lib.sh"
base_image
project
echo "$PNAME-gone:nothing" >gone.tag
start=$(date +%s)
expect_exit 3 "$ORCHGEN" test -D project.retries=2 --distro alpha --suite main/hello --image gone.tag
took=$(( $(date +%s) - start ))
[ "$(grep -c 'engine trouble: trying again' "$T/out")" -eq 2 ] || fail "expected 2 retries"
expect_output 'trying again in 1s (1 of 2 retries)'
expect_output 'trying again in 2s (2 of 2 retries)'
[ "$took" -ge 3 ] || fail "no backoff: the retries took ${took}s"
grep -q '"status": "error"' .orch/results/alpha/main/hello.json || fail "the result is not an error"
grep -q '"attempts": 3' .orch/results/alpha/main/hello.json || fail "the result does not count 3 attempts"
[ ! -e .orch/stamp/alpha/main/hello.ok ] || fail "a stamp was written"
expect_exit 3 "$ORCHGEN" test -D project.retries=0 --distro alpha --suite main/hello --image gone.tag
! grep -q 'trying again' "$T/out" || fail "retries = 0 retried"
