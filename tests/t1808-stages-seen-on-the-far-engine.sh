# On an engine that shares no files, a job sees what it would see here:
# its distro's build directory at /build and its warmed cache, built and
# warmed there into its volumes; a nested cache path is made there. Every job of a project
# with stages passes there.
. "$TOP/tests/lib.sh"
base_image
stage_project
second_engine
engines_ini 0 2
"$ORCHGEN" >/dev/null
ninja_ok
n=0
for r in .orch/results/*/main/hello.json; do
	n=$((n + 1))
	grep -q '"status": "pass"' "$r" || fail "$r: $(cat "$r"; cat "${r%.json}.log" 2>/dev/null)"
	grep -q '"engine": "far"' "$r" || fail "$r did not run on the far engine"
done
[ "$n" -eq 2 ] || fail "$n results of main/hello, expected 2"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
