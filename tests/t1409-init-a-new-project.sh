# orchgen init DIR makes a project that generates and runs: orchgen.ini
# with one distro, a Dockerfile on BASE_IMAGE, one suite, a .gitignore. In
# a directory with files of its own, those are kept (a .gitignore gets the
# lines it lacks); where a project is, init refuses and writes nothing.
. "$TOP/tests/lib.sh"
base_image
cd "$T"
expect_exit 0 "$ORCHGEN" init "$PNAME"
for f in orchgen.ini docker/Dockerfile suites/hello/task.yaml .gitignore; do
	expect_output "^created $PNAME/$f\$"
	[ -s "$PNAME/$f" ] || fail "init wrote no $f"
done
expect_output "^project $PNAME: next, cd $PNAME && orchgen && ninja\$"
grep -qx "name = $PNAME" "$PNAME/orchgen.ini" || fail "the project is not named after its directory"
grep -qx 'ARG BASE_IMAGE' "$PNAME/docker/Dockerfile" || fail "the Dockerfile takes no BASE_IMAGE"
cd "$PNAME"
expect_exit 0 "$ORCHGEN"
expect_output '^wrote build.ninja: 1 distro, 1 suite, 1 job$'
ninja -n >"$T/out" 2>&1 || { cat "$T/out"; fail "ninja -n fails on the new project"; }
# As the README says, with a base the engine has (no registry here): the
# suite reads /etc/os-release.
printf 'FROM %s\nRUN echo PRETTY_NAME=\\"Test Linux\\" >/etc/os-release\nLABEL orchgen.project=%s\n' "$BASE_IMAGE" "$PNAME" |
	docker build -q -t "$PNAME-osrel:1" - >/dev/null 2>&1
sed -i "s|^base = debian:bookworm\$|base = $PNAME-osrel:1|" orchgen.ini
"$ORCHGEN" >/dev/null
ninja_ok
grep -q '^hello from bookworm$' .orch/logs/bookworm/hello.log || fail "the suite's log: $(cat .orch/logs/bookworm/hello.log)"
grep -q '^Test Linux$' .orch/logs/bookworm/hello.log || fail "the suite did not read /etc/os-release"
git init -q .
for f in .orch build.ninja .ninja_log .ninja_deps; do
	git check-ignore -q "$f" || fail "the .gitignore does not leave out $f"
done
for f in orchgen.ini docker/Dockerfile suites/hello/task.yaml; do
	! git check-ignore -q "$f" || fail "the .gitignore leaves out $f"
done

# A project there already: refused, nothing written.
before=$(ls -lR)
expect_exit 2 "$ORCHGEN" init
expect_output '^orchgen: orchgen.ini is there already: this directory is a project'
[ "$(ls -lR)" = "$before" ] || fail "a refused init changed files"

# A repository of its own: its files kept, its .gitignore completed.
mkdir -p "$T/repo/docker" && cd "$T/repo"
printf 'FROM scratch\n' >docker/Dockerfile
printf 'target/\n.orch/' >.gitignore
expect_exit 0 "$ORCHGEN" init
expect_output '^kept docker/Dockerfile, there already$'
expect_output '^added orchgen.s files to .gitignore$'
[ "$(cat docker/Dockerfile)" = 'FROM scratch' ] || fail "init changed the repository's Dockerfile"
[ "$(grep -c '^\.orch/$' .gitignore)" -eq 1 ] || fail ".orch/ twice in .gitignore: $(cat .gitignore)"
grep -qx 'target/' .gitignore && grep -qx 'build.ninja' .gitignore || fail "the .gitignore lost a line or lacks one: $(cat .gitignore)"
expect_exit 2 "$ORCHGEN" init
mkdir "$T/again" && cd "$T/again" && cp "$T/repo/.gitignore" .
expect_exit 0 "$ORCHGEN" init
expect_output '^kept .gitignore: it ignores orchgen.s files already$'
grep -qx 'name = again' orchgen.ini || fail "init in the current directory did not name the project after it: $(grep ^name orchgen.ini)"
expect_output '^project again: next, orchgen && ninja$'
# -C: the next step is said from where the user is, quoted for the shell.
mkdir "$T/My Repo_2" && cd "$T"
expect_exit 0 "$ORCHGEN" -C "My Repo_2" init
expect_output "^project my-repo-2: next, cd 'My Repo_2' && orchgen && ninja\$"
expect_exit 0 "$ORCHGEN" -C "My Repo_2" init sub
expect_output "^project sub: next, cd 'My Repo_2/sub' && orchgen && ninja\$"
