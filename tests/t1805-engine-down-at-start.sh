# An engine that does not answer when the run starts: a warning, and its
# jobs run on the engines that do; every job passes. A distro that only
# such an engine serves ends with error and exit status 3.
. "$TOP/tests/lib.sh"
base_image
project
cat >>orchgen.ini <<INI

[engine here]
jobs = 2

[engine gone]
host = unix://$T/no-such-engine.sock
jobs = 2
INI
"$ORCHGEN" >/dev/null
ninja_ok
grep -q 'engine gone is down' "$T/ninja.out" || fail "no warning about the engine that does not answer: $(cat "$T/ninja.out")"
for r in .orch/results/*/main/*.json; do
	grep -q '"status": "pass"' "$r" || fail "$r did not pass"
	grep -q '"engine": "here"' "$r" || fail "$r did not run here"
done
# beta only on the engine that does not answer.
printf 'distros = beta\n' >>orchgen.ini
sed -i '/^\[engine here\]$/a distros = alpha' orchgen.ini
"$ORCHGEN" >/dev/null
expect_exit 3 "$ORCHGEN" test -f orchgen.ini --distro beta --suite main/hello --image .orch/image/beta --key k
expect_output "no engine is left that serves beta"
grep -q '"status": "error"' .orch/results/beta/main/hello.json || fail "no error result: $(cat .orch/results/beta/main/hello.json)"
