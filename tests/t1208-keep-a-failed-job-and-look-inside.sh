# keep = failed: a failed job's container stays, stopped; orchgen list
# says so; orchgen shell D:S opens a shell in a container started from what
# the job left, mounted as the job was; gc removes what was kept.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main/vars
mkdir -p suites/broken
printf 'execute: |\n  echo left-behind >/tmp/marker\n  exit 1\n' >suites/broken/task.yaml
sed -i 's/^jobs = 2$/&\nkeep = failed/' orchgen.ini
"$ORCHGEN" --distros=alpha
expect_exit 1 ninja -k 0
expect_output 'alpha:broken: its container is kept: orchgen shell alpha:broken opens a shell in what it left'
kept=$(cat .orch/kept/alpha/broken.name)
[ "$(docker inspect --format '{{.State.Status}}' "$kept")" = exited ] || fail "the kept container is not there, stopped"
[ ! -e .orch/kept/alpha/main/hello.name ] || fail "a passing job's container was kept"
"$ORCHGEN" list >"$T/list"
grep -q "^alpha:broken	auto	kept$" "$T/list" || { cat "$T/list"; fail "list does not say which job has a kept container"; }
echo 'cat /tmp/marker; echo "$ORCHGEN_JOB"; ls /.orchgen/execute' | "$ORCHGEN" shell alpha:broken >"$T/shell" 2>&1 || fail "shell failed: $(cat "$T/shell")"
grep -qx left-behind "$T/shell" || fail "the shell does not see what the job left: $(cat "$T/shell")"
grep -qx alpha:broken "$T/shell" || fail "the shell lacks the job's variables"
grep -qx /.orchgen/execute "$T/shell" || fail "the shell lacks the job's scripts"
[ -z "$(docker images -q --filter "label=orchgen.project=$PNAME" --filter reference="$PNAME-kept-*")" ] || fail "the saved image is left"
expect_exit 2 "$ORCHGEN" shell alpha:main/hello
expect_output 'alpha:main/hello: no container of its was kept'
expect_exit 0 "$ORCHGEN" gc
expect_output "removed container $kept"
! docker inspect "$kept" >/dev/null 2>&1 || fail "gc left the kept container"
[ ! -e .orch/kept/alpha/broken.name ] || fail "gc left the record of the kept container"
