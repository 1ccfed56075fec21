# variants: `-v` drops a variant that environment defines; each remaining
# variant is its own job, with its own value and log.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/v
cat >suites/v/task.yaml <<'YAML'
environment:
  FLAVOUR/red,green,blue: $ORCHGEN_VARIANT-paint
variants: [-green]
execute: echo "flavour $FLAVOUR variant $ORCHGEN_VARIANT"
YAML
"$ORCHGEN"
ninja_ok test-alpha
[ "$(count TEST)" -eq 2 ] || fail "expected 2 jobs, ran $(count TEST)"
grep -qx 'flavour red-paint variant red' .orch/logs/alpha/v:red.log || fail "red's log"
grep -qx 'flavour blue-paint variant blue' .orch/logs/alpha/v:blue.log || fail "blue's log"
[ ! -e .orch/logs/alpha/v:green.log ] || fail "green ran"
ninja_ok test-alpha/v:blue
[ "$(count TEST)" -eq 0 ] || fail "test-alpha/v:blue ran again"
