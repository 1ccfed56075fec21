# Editing one suite reruns exactly its jobs, on every distro, and no others.
. "$TOP/tests/lib.sh"
built_project
others="alpha/main/vars:one alpha/main/vars:two beta/main/vars:one beta/main/vars:two"
for j in $others; do cp ".orch/results/$j.json" "$T/$(echo "$j" | tr '/:' '__').json"; done
echo '  echo edited' >>suites/main/hello/task.yaml
ninja_ok
[ "$(calls build)" -eq 0 ] || fail "a suite edit built $(calls build) images"
[ "$(calls run)" -eq 2 ] || fail "expected 2 runs, got $(calls run)"
[ "$(grep -c 'orchgen.job=[a-z]*:main/hello ' "$T/docker.calls")" -eq 2 ] || fail "the reruns were not main/hello's"
grep -q edited .orch/logs/alpha/main/hello.log || fail "alpha's rerun did not use the edited suite"
grep -q edited .orch/logs/beta/main/hello.log || fail "beta's rerun did not use the edited suite"
for j in $others; do
	cmp -s ".orch/results/$j.json" "$T/$(echo "$j" | tr '/:' '__').json" || fail "$j's result changed"
done
