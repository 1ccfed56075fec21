# A real distribution as the base, built offline from a debootstrap recipe
# (the mirror is debootstrap's own default): imported, built on, tested in.
# The recipe runs debootstrap once per test run (tests/debian-rootfs.sh).
. "$TOP/tests/lib.sh"
project
cat >orchgen.ini <<INI
[project]
name = $PNAME

[distro bookworm]
rootfs = sh '$TOP/tests/debian-rootfs.sh' bookworm
INI
rm -rf suites/main/vars
cat >suites/main/hello/task.yaml <<'YAML'
execute: |
  grep -q '^12\.' /etc/debian_version
  dpkg -s base-files >/dev/null
YAML
"$ORCHGEN"
ninja_ok
grep -q '] BASE bookworm' "$T/ninja.out" || fail "no base was made"
grep -q '"status": "pass"' .orch/results/bookworm/main/hello.json || fail "the job did not pass on the bookworm base"
ninja_ok
! grep -q '] TEST\|] BUILD' "$T/ninja.out" || fail "a second run did work again"
