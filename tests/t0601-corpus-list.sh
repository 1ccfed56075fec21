# The suite corpus lists exactly as expected-list.txt, warns exactly as
# expected-warnings.txt, and its JSON listing parses and holds every job.
. "$TOP/tests/lib.sh"
cp -R "$TOP/tests/corpus" "$T/corpus"
cd "$T/corpus"
"$ORCHGEN" list >"$T/list" 2>"$T/warnings" || { cat "$T/warnings" >&2; fail "orchgen list failed"; }
diff -u expected-list.txt "$T/list" || fail "orchgen list differs from expected-list.txt"
diff -u expected-warnings.txt "$T/warnings" || fail "the warnings differ from expected-warnings.txt"
"$ORCHGEN" list --format=json >"$T/json" 2>/dev/null
python3 -m json.tool "$T/json" >/dev/null || fail "the JSON listing does not parse"
[ "$(grep -c '"job": ' "$T/json")" -eq "$(wc -l <expected-list.txt)" ] || fail "the JSON listing holds another number of jobs"
