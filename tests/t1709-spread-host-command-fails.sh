# A $(HOST: ...) command that fails stops generation with exit 2, naming
# the line and the command's stderr; nothing is written.
. "$TOP/tests/lib.sh"
spread_project host
sed -i 's|cat host-value.txt|echo no such thing >\&2; exit 3|' spread.yaml
line=$(grep -n 'FROM_HOST:' spread.yaml | head -n 1 | cut -d: -f1)
expect_exit 2 "$ORCHGEN"
expect_output "spread.yaml:$line: \$(HOST: echo no such thing >&2; exit 3) failed (exit status 3): no such thing"
[ ! -e build.ninja ] && [ ! -e .orch/spread-hosts ] || fail "generation wrote something"
