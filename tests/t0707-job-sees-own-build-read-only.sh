# A job sees its own distro's build at /build, read-only, and its caches.
. "$TOP/tests/lib.sh"
base_image
stage_project
cat >"$P/suites/main/hello/task.yaml" <<'YAML'
execute: |
  grep -x "built for $ORCHGEN_DISTRO" /build/distro
  grep -x "product 1" /build/product.txt
  if touch /build/mine 2>/dev/null; then echo "/build is writable"; exit 1; fi
  touch /var/cache/dl/job-was-here
YAML
"$ORCHGEN"
ninja_ok
[ -e .orch/cache/dl/alpha/job-was-here ] || fail "a job could not write to its cache"
grep -q 'built for alpha' .orch/build/alpha/distro || fail "alpha's build directory holds another distro's build"
grep -q 'built for beta' .orch/build/beta/distro || fail "beta's build directory holds another distro's build"
