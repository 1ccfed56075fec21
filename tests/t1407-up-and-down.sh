# orchgen up D starts a container of D's image that runs on, detached,
# mounted as a job is: the image's own command, or a shell that waits
# when it has none, or the command given. A second up says it is up;
# orchgen shell D offers it at a terminal; orchgen down D removes it, and
# orchgen gc removes what up started and down never stopped.
. "$TOP/tests/lib.sh"
built_project
running() { docker ps -q --filter "label=orchgen.project=$PNAME" --filter status=running; }

expect_exit 0 "$ORCHGEN" up alpha
expect_output '^alpha is up: container orch-'
name=$(sed -n 's/^alpha is up: container \([^;]*\);.*/\1/p' "$T/out")
[ "$(cat .orch/up/alpha.name)" = "$name" ] || fail "the record does not name $name"
[ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "$name does not run"
docker exec "$name" test -f /workspace/orchgen.ini || fail "the workspace is not mounted in $name"
docker exec "$name" sh -c 'echo x >/workspace/x' 2>/dev/null && fail "the workspace is writable, not read-only as a job's"
[ "$(docker exec "$name" cat /flavour)" = plain ] || fail "$name is not of alpha's image"

expect_exit 0 "$ORCHGEN" up alpha
expect_output "^alpha is up already: container $name\$"
expect_exit 2 "$ORCHGEN" up alpha -- sleep 5
expect_output "alpha is up already (container $name).*orchgen down alpha first"
[ "$(running | wc -l)" -eq 1 ] || fail "a second container runs"

# Not at a terminal: a new container, and said so.
docker exec "$name" touch /tmp/in-up
printf 'test -f /tmp/in-up && echo IN-UP || echo NEW\n' >"$T/script"
expect_exit 0 "$ORCHGEN" shell alpha <"$T/script"
expect_output "alpha is up (container $name); this shell is in a new container"
expect_output '^NEW'
# At a terminal: asked, and yes is the default.
printf '\ntest -f /tmp/in-up && echo IN-UP || echo NEW\nexit 4\n' >"$T/script"
set +e
timeout 60 script -qec "$ORCHGEN shell alpha" /dev/null <"$T/script" >"$T/out" 2>&1
rc=$?
set -e
[ "$rc" -eq 4 ] || { cat "$T/out"; fail "the shell in $name exited $rc, expected 4"; }
expect_output "alpha is up (container $name): open the shell in it? \[Y/n\]"
grep -q '^IN-UP' "$T/out" || { cat "$T/out"; fail "the shell did not run in $name"; }
printf 'n\ntest -f /tmp/in-up && echo IN-UP || echo NEW\nexit\n' >"$T/script"
timeout 60 script -qec "$ORCHGEN shell alpha" /dev/null <"$T/script" >"$T/out" 2>&1
grep -q '^NEW' "$T/out" || { cat "$T/out"; fail "answered n, the shell still ran in $name"; }
[ "$(running | wc -l)" -eq 1 ] || fail "a shell's container is left"

expect_exit 0 "$ORCHGEN" down alpha
expect_output "^alpha is down: removed container $name\$"
[ -z "$(containers)" ] || fail "down left a container"
[ ! -e .orch/up/alpha.name ] || fail "down left its record"
expect_exit 0 "$ORCHGEN" down alpha
expect_output '^alpha is not up$'

# A command of one's own, which gc removes with the record.
expect_exit 0 "$ORCHGEN" up beta sleep 600
[ "$(running | wc -l)" -eq 1 ] || fail "up beta sleep 600 does not run"
expect_exit 0 "$ORCHGEN" gc
[ -z "$(containers)" ] || fail "gc left the container up started"
[ ! -e .orch/up/beta.name ] || fail "gc left the record of up"

# A command that ends at once, or is not there: what it said, status 1,
# nothing left.
expect_exit 1 "$ORCHGEN" up alpha no-such-command
expect_output 'ended as soon as it started, with exit status 127; its output follows$'
! grep -q 'No such file' "$T/out" || fail "a stray error in the message"
expect_output 'no-such-command: no such command in the image'
[ -z "$(containers)" ] || fail "a container that ended is left"
[ ! -e .orch/up/alpha.name ] || fail "a record of a container that ended is left"
# A container that ended by itself after up is forgotten by the next up.
expect_exit 0 "$ORCHGEN" up alpha sh -c 'sleep 1'
sleep 2
expect_exit 0 "$ORCHGEN" up alpha sleep 600
expect_output '^alpha is up: container'
expect_exit 0 "$ORCHGEN" down alpha

# The operands: a distro of the matrix.
expect_exit 2 "$ORCHGEN" up
expect_output '^usage: orchgen up '
expect_exit 2 "$ORCHGEN" up gamma
expect_output 'gamma'
expect_exit 2 "$ORCHGEN" down
expect_output '^usage: orchgen down '
