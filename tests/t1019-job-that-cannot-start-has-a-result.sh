# A job that cannot start still writes its result, status error with the
# reason, and a log that says it; it writes no stamp. Here: no image was
# recorded, and then an image the engine does not have (engine trouble).
. "$TOP/tests/lib.sh"
base_image
project
: >none.tag
expect_exit 2 "$ORCHGEN" test --distro alpha --suite main/hello --image none.tag
expect_output 'alpha:main/hello: error: no image recorded'
r=.orch/results/alpha/main/hello.json
grep -q '"status": "error"' $r || fail "the result is not an error"
grep -q '"reason": "no image recorded' $r || fail "the result has no reason"
log=$(sed -n 's/^  "log": "\(.*\)"$/\1/p' $r)
grep -q 'no image recorded' "$log" || fail "the result's log ($log) does not say why"
[ ! -e .orch/stamp/alpha/main/hello.ok ] || fail "a stamp was written"
echo "$PNAME-gone:nothing" >gone.tag
expect_exit 3 "$ORCHGEN" test -D project.retries=0 --distro alpha --suite main/hello --image gone.tag
grep -q '"status": "error"' $r || fail "engine trouble is not an error"
grep -q '"reason": "engine trouble' $r || fail "engine trouble has no reason"
[ ! -e .orch/stamp/alpha/main/hello.ok ] || fail "a stamp was written"
