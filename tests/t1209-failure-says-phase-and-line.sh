# A failure says what failed: the section, and with bash the line; the tail
# shown is that section's (debug output does not push it out), marked when
# cut; the result holds the phase and line.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
mkdir -p "$T/bash"
cp "$(command -v bash-static)" "$T/bash/bash"
printf 'FROM %s\nCOPY bash /bin/bash\nLABEL orchgen.project=%s\n' "$BASE_IMAGE" "$PNAME" >"$T/bash/Dockerfile"
docker build -q -t "$PNAME-bash:1" "$T/bash" >/dev/null 2>&1
sed -i "s|^base = .*|base = $PNAME-bash:1|" orchgen.ini
cat >suites/main/hello/task.yaml <<'YAML'
prepare: echo prepared
execute: |
  for i in $(seq 1 30); do echo "output $i"; done
  test -n "$BASH_VERSION"
  false
  echo never
debug: |
  for i in $(seq 1 50); do echo "debug $i"; done
YAML
"$ORCHGEN" --distros=alpha
ninja_ok images
expect_exit 1 "$ORCHGEN" test --distro alpha --suite main/hello --image .orch/image/alpha
expect_output '^orchgen: alpha:main/hello: fail: execute failed at line 3 (exit status 1)$'
expect_output '^\.\.\. 10 earlier lines$'
expect_output '^output 30$'
! grep -q 'debug 50' "$T/out" || fail "the debug section's output pushed the failure out of the tail"
grep -q '"phase": "execute"' .orch/results/alpha/main/hello.json || fail "no phase in the result"
grep -q '"line": 3' .orch/results/alpha/main/hello.json || fail "no line in the result"
