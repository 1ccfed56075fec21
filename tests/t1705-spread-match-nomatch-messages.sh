# MATCH and NOMATCH fail with spread's messages, showing what they read.
. "$TOP/tests/lib.sh"
spread_project errors
"$ORCHGEN" >/dev/null
expect_exit 1 ninja test-alpha/tests/main/match-fails
printf 'grep error: pattern not found, got:\nfirst line\nsecond line\n' >"$T/want"
grep -A2 '^grep error' .orch/logs/alpha/tests/main/match-fails.log >"$T/got" || true
diff -u "$T/want" "$T/got" || fail "MATCH's message is not spread's"
expect_output 'tests/main/match-fails: fail: execute failed at line 1'
expect_exit 1 ninja test-alpha/tests/main/nomatch-fails
printf "NOMATCH pattern='fo+und' found in:\nfound here\n" >"$T/want"
grep -A1 '^NOMATCH' .orch/logs/alpha/tests/main/nomatch-fails.log >"$T/got" || true
diff -u "$T/want" "$T/got" || fail "NOMATCH's message is not spread's"
