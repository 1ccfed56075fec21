# Inside every job: ORCHGEN_DISTRO, ORCHGEN_SUITE, ORCHGEN_VARIANT, ORCHGEN_JOB.
. "$TOP/tests/lib.sh"
base_image
project
cat >suites/main/vars/task.yaml <<'YAML'
environment:
  X/one: 1
execute: echo "[$ORCHGEN_DISTRO|$ORCHGEN_SUITE|$ORCHGEN_VARIANT|$ORCHGEN_JOB]"
YAML
cat >suites/main/hello/task.yaml <<'YAML'
execute: echo "[$ORCHGEN_DISTRO|$ORCHGEN_SUITE|$ORCHGEN_VARIANT|$ORCHGEN_JOB]"
YAML
"$ORCHGEN"
ninja_ok test-beta
grep -qxF '[beta|main/vars|one|beta:main/vars:one]' .orch/logs/beta/main/vars:one.log || fail "with a variant: $(cat .orch/logs/beta/main/vars:one.log)"
grep -qxF '[beta|main/hello||beta:main/hello]' .orch/logs/beta/main/hello.log || fail "without: $(cat .orch/logs/beta/main/hello.log)"
