# A usage error says what is wrong before the command's usage line, never
# the usage line alone; exit 2.
. "$TOP/tests/lib.sh"
project
usage_error() {
	expect_exit 2 "$ORCHGEN" "$@"
	[ "$(wc -l <"$T/out")" -eq 2 ] || { cat "$T/out" >&2; fail "orchgen $*: not one message and the usage line"; }
	head -n 1 "$T/out" | grep -q '^orchgen: ' || { cat "$T/out" >&2; fail "orchgen $*: no message first"; }
	tail -n 1 "$T/out" | grep -q "^usage: orchgen .*$1 " || { cat "$T/out" >&2; fail "orchgen $*: no usage line"; }
}
usage_error why
expect_output '^orchgen: why needs a job or target'
usage_error init a b
expect_output '^orchgen: init takes one DIR at most, got 2: "a", "b"$'
usage_error exec
expect_output '^orchgen: exec needs a distro: D, or --distro=D'
usage_error down
usage_error down alpha beta
expect_output '^orchgen: down takes one distro, got 2: "alpha", "beta"$'
usage_error down --distro=alpha beta
expect_output '^orchgen: down: --distro=alpha names the distro, and so does "beta": expected one of them$'
usage_error shell alpha beta </dev/null
usage_error shell alpha -- ls </dev/null
expect_output '^orchgen: shell runs a shell, no command'
usage_error up
usage_error list --results=elsewhere
expect_output 'expected --shard=K/N too'
usage_error log
