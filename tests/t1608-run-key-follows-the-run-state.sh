# orchgen keys' run-D, the key of D's run state, moves with what D's jobs
# are made of: a suite that has jobs on D, the build, the jobs' settings;
# not with a touch, nor with a suite that D has no job of. Each distro's
# is its own.
. "$TOP/tests/lib.sh"
stage_project
mkdir -p suites/beta-only
printf 'systems: [beta]\nexecute: echo\n' >suites/beta-only/task.yaml
run() { "$ORCHGEN" keys --format=github --distro="$1" | sed -n "s/^run-$1=//p"; }
a1=$(run alpha) b1=$(run beta)
[ -n "$a1" ] && [ -n "$b1" ] || fail "no run key"
[ "$a1" != "$b1" ] || fail "two distros have one run key"
touch suites/main/hello/task.yaml src/product.txt
[ "$(run alpha)$(run beta)" = "$a1$b1" ] || fail "a touch changed a run key"
printf 'systems: [beta]\nexecute: echo 2\n' >suites/beta-only/task.yaml
[ "$(run alpha)" = "$a1" ] || fail "a suite alpha has no job of changed alpha's run key"
b2=$(run beta)
[ "$b2" != "$b1" ] || fail "a suite of beta changed, beta's run key did not"
echo '# more' >>suites/main/vars/task.yaml
a2=$(run alpha)
[ "$a2" != "$a1" ] || fail "a suite of alpha changed, alpha's run key did not"
echo 'product 2' >src/product.txt
a3=$(run alpha)
[ "$a3" != "$a2" ] || fail "the build changed, the run key did not"
printf '[project]\nkill-timeout = 7m\n' >>orchgen.ini
[ "$(run alpha)" != "$a3" ] || fail "a setting of the jobs changed, the run key did not"
