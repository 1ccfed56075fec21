# Run in a directory of a project that has no orchgen.ini of its own,
# orchgen says where the project is and how to run the command there
# (exit 2); it goes nowhere by itself.
. "$TOP/tests/lib.sh"
project
mkdir -p .orch/logs/alpha/main
echo 'the log of hello' >.orch/logs/alpha/main/hello.log
cd suites/main
expect_exit 2 "$ORCHGEN" list
expect_output '^orchgen: orchgen.ini: no project here; the project at \.\./\.\. has one: run orchgen -C \.\./\.\. list$'
! grep -q 'orchgen init' "$T/out" || fail "orchgen init was offered inside a project"
expect_exit 2 "$ORCHGEN" log alpha:main/hello
expect_output '^orchgen: orchgen.ini: no project here; the project at \.\./\.\. has one: run orchgen -C \.\./\.\. log alpha:main/hello$'
expect_exit 2 "$ORCHGEN" -C .. why 'alpha:main/hello' "it's"
expect_output "^orchgen: orchgen.ini: no project here; the project at \.\./\.\. has one: run orchgen -C \.\./\.\. why alpha:main/hello 'it'\\\\''s'\$"
expect_exit 2 "$ORCHGEN" down alpha
expect_output '^orchgen: orchgen.ini: no project here; the project at \.\./\.\. has one: run orchgen -C \.\./\.\. down alpha$'
[ ! -e build.ninja ] && [ ! -e ../build.ninja ] || fail "build.ninja was written"
# What the message says works.
expect_exit 0 "$ORCHGEN" -C ../.. log alpha:main/hello
expect_output '^the log of hello$'
cd "$P/suites"
expect_exit 2 "$ORCHGEN" -C main -C .. generate
expect_output '^orchgen: orchgen.ini: no project here; the project at \.\. has one: run orchgen -C \.\. generate$'
