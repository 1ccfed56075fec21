# orchgen list names every job spread-style, and says which run only when named.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/main/by-hand
printf 'summary: by hand\nmanual: true\nsystems: [beta]\nexecute: "true"\n' >suites/main/by-hand/task.yaml
"$ORCHGEN" list >"$T/list"
cat >"$T/want" <<'LIST'
alpha:main/hello	auto
alpha:main/vars:one	auto
alpha:main/vars:two	auto
beta:main/by-hand	manual
beta:main/hello	auto
beta:main/vars:one	auto
beta:main/vars:two	auto
LIST
diff -u "$T/want" "$T/list" || fail "orchgen list differs from the expected listing"
"$ORCHGEN" list --format=json >"$T/json"
grep -q '"job": "beta:main/vars:two", "distro": "beta", "suite": "main/vars", "variant": "two", "runs": "auto"' "$T/json" || fail "json listing lacks beta:main/vars:two"
expect_exit 2 "$ORCHGEN" list --format=yaml
