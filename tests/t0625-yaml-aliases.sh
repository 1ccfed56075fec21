# Anchors and aliases work; aliases that multiply (a billion laughs) stop at the node limit, fast.
. "$TOP/tests/lib.sh"
project
printf 'summary: &s say hello\ndetails: *s\nsystems: &only [beta]\nexecute: &run echo hi\nrestore: *run\n' >suites/main/hello/task.yaml
[ "$("$ORCHGEN" list main/hello | cut -f1)" = "beta:main/hello" ] || fail "the aliased suite does not list"
{
	printf 'execute: echo\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
	for i in 1 2 3 4 5 6 7 8 9; do printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $i $i $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)) $((i-1)); done
} >suites/main/hello/task.yaml
expect_exit 2 "$ORCHGEN" list
expect_output '^orchgen: suites/main/hello/task.yaml:[0-9]*:[0-9]*: more than 100000 YAML nodes'
