# ci/setup.sh, a runner's first step: with everything installed it
# installs no package, builds orchgen (O=DIR: out of the tree) and
# installs it in PREFIX. ci/matrix.sh prints the matrix without
# $GITHUB_OUTPUT. ci/images.sh and ci/test.sh refuse what they do not
# take (status 2), a distro that is not in the matrix before it names
# a path.
. "$TOP/tests/lib.sh"
O="$T/build" expect_exit 0 sh "$TOP/ci/setup.sh" "$T/prefix"
if grep -q 'installing' "$T/out"; then cat "$T/out" >&2; fail "ci/setup.sh installed packages that were there"; fi
cmp -s "$T/build/orchgen" "$T/prefix/bin/orchgen" || fail "ci/setup.sh did not install its build in PREFIX"
"$T/prefix/bin/orchgen" --version >/dev/null || fail "the installed orchgen does not run"

project
PATH="$T/prefix/bin:$PATH"
expect_exit 0 sh "$TOP/ci/matrix.sh"
expect_output '^matrix={"include":\[{"distro":"alpha","shard":"1/1",.*},{"distro":"beta",.*}\]}$'
expect_exit 0 sh "$TOP/ci/matrix.sh" 2
expect_output '"distro":"beta","shard":"2/2"'
expect_exit 2 sh "$TOP/ci/matrix.sh" 0
expect_output 'expected N'
expect_exit 2 sh "$TOP/ci/images.sh" ../alpha
expect_output 'no distro "../alpha"'
expect_exit 2 sh "$TOP/ci/test.sh" ../alpha 1/1
expect_output 'no distro "../alpha"'
[ ! -e .orch ] && [ ! -e build.ninja ] || fail "a distro that is not in the matrix made something"
expect_exit 2 sh "$TOP/ci/test.sh" alpha 3/2
expect_output 'expected K/N'
expect_exit 2 sh "$TOP/ci/report.sh" "$T/none"
expect_output 'no runner'
