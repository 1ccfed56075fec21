# ORCHGEN_TRACE=1 (or -D project.trace=yes) runs a job's scripts with
# set -x: the log shows each command.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
printf 'execute: |\n  greeting=hello\n  echo "$greeting"\n' >suites/main/hello/task.yaml
"$ORCHGEN" --distros=alpha
ninja_ok images
"$ORCHGEN" test --distro alpha --suite main/hello --image .orch/image/alpha
! grep -q '^+ ' .orch/logs/alpha/main/hello.log || fail "traced without being asked"
ORCHGEN_TRACE=1 "$ORCHGEN" test --distro alpha --suite main/hello --image .orch/image/alpha
grep -q '^+ echo hello' .orch/logs/alpha/main/hello.log || fail "ORCHGEN_TRACE=1 did not trace: $(cat .orch/logs/alpha/main/hello.log)"
"$ORCHGEN" test -D project.trace=yes --distro alpha --suite main/hello --image .orch/image/alpha
grep -q '^+ greeting=hello' .orch/logs/alpha/main/hello.log || fail "trace = yes did not trace"
