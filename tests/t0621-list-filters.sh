# orchgen list FILTER... lists the jobs that match any filter, spread-style.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/other/x
printf 'execute: echo\n' >suites/other/x/task.yaml
[ "$("$ORCHGEN" list 'alpha:main/...' | cut -f1 | tr '\n' ' ')" = "alpha:main/hello alpha:main/vars:one alpha:main/vars:two " ] || fail "alpha:main/... lists the wrong jobs"
[ "$("$ORCHGEN" list ':one' | cut -f1 | tr '\n' ' ')" = "alpha:main/vars:one beta:main/vars:one " ] || fail ":one lists the wrong jobs"
[ "$("$ORCHGEN" list 'main/hello' | cut -f1 | tr '\n' ' ')" = "alpha:main/hello beta:main/hello " ] || fail "main/hello lists the wrong jobs"
[ "$("$ORCHGEN" list 'beta:other/' '/hello' | cut -f1 | tr '\n' ' ')" = "alpha:main/hello beta:main/hello beta:other/x " ] || fail "two filters list the wrong jobs"
[ "$("$ORCHGEN" list --format=json 'beta:...:two' | grep -c '"job"')" -eq 1 ] || fail "the JSON listing is not filtered"
