# A filter that matches no job: exit 2, a message naming it, nothing listed.
. "$TOP/tests/lib.sh"
project
set +e
"$ORCHGEN" list main/hello gamma:main/hello >"$T/stdout" 2>"$T/stderr"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "orchgen list exited $rc, expected 2"
grep -q '^orchgen: filter "gamma:main/hello" matches no job' "$T/stderr" || { cat "$T/stderr" >&2; fail "no message naming the filter"; }
[ ! -s "$T/stdout" ] || fail "jobs were listed anyway"
