# A kill-timeout that passes before the engine has even created the
# container (a slow daemon under load) still ends the job: the removal is
# repeated until the client is gone, so the container that appears late is
# removed too, and nothing is left running.
. "$TOP/tests/lib.sh"
base_image
TASK_EXTRA='kill-timeout: 1s\n' hang_project
ninja_ok images
# A docker that is slow to run, in front of the one every test has.
mkdir -p "$T/slow"
cat >"$T/slow/docker" <<SLOW
#!/bin/sh
[ "\$1" = run ] && sleep 3
exec "$T/bin/docker" "\$@"
SLOW
chmod +x "$T/slow/docker"
start=$(date +%s)
PATH="$T/slow:$PATH" expect_exit 1 ninja test-alpha/hang
took=$(( $(date +%s) - start ))
grep -q '"status": "timeout"' .orch/results/alpha/hang.json || fail "status is not timeout"
[ "$took" -le 20 ] || fail "a 1s kill-timeout took ${took}s"
[ -z "$(containers)" ] || fail "a container is left: $(docker ps -a --filter "label=orchgen.project=$PNAME")"
