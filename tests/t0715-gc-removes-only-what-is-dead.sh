# orchgen gc removes every file of a removed suite (hash, stamp, log,
# result, scripts) and prints each path it removed; a second gc has nothing
# to remove and says nothing; gc --caches without caches says nothing.
. "$TOP/tests/lib.sh"
built_project
mkdir -p .orch/artifacts/alpha/main/hello
rm -r suites/main/hello
"$ORCHGEN"
expect_exit 0 "$ORCHGEN" gc
for f in .orch/hash/suite/main/hello.hash .orch/stamp/alpha/main/hello.ok .orch/logs/beta/main/hello.log \
    .orch/results/alpha/main/hello.json .orch/run/alpha/main/hello.d .orch/artifacts/alpha/main/hello; do
	[ ! -e "$f" ] || fail "gc left $f"
	grep -qx "removed $f" "$T/out" || { cat "$T/out"; fail "gc did not say it removed $f"; }
done
for f in .orch/stamp/alpha/main/vars:one.ok .orch/run/beta/main/vars:two.d .orch/image/alpha .orch/hash/context; do
	[ -e "$f" ] || fail "gc removed $f, which is live"
done
expect_exit 0 "$ORCHGEN" gc
[ ! -s "$T/out" ] || { cat "$T/out"; fail "a second gc removed something"; }
expect_exit 0 "$ORCHGEN" gc --caches
[ ! -s "$T/out" ] || { cat "$T/out"; fail "gc --caches without caches printed something"; }
ninja_ok
[ "$(count TEST)" -eq 0 ] || fail "gc made live jobs run again"
