# [project] env: host variables named there reach the job by name; their
# values never appear in build.ninja.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/env
sed -i 's/^jobs = 2/&\nenv = ORCH_TOKEN ORCH_UNSET/' orchgen.ini
printf 'execute: |\n  echo "token=$ORCH_TOKEN"\n  echo "unset=${ORCH_UNSET-none}"\n' >suites/env/task.yaml
"$ORCHGEN"
ORCH_TOKEN=s3cret-value ninja_ok test-alpha
grep -qx 'token=s3cret-value' .orch/logs/alpha/env.log || fail "the value did not reach the job"
grep -qx 'unset=none' .orch/logs/alpha/env.log || fail "an unset host variable was set in the job"
! grep -rq s3cret-value build.ninja .orch/results || fail "the value was written down"
