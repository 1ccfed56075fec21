# Higher priority jobs come first, in the listing and in build.ninja; the variants of a suite stay together.
. "$TOP/tests/lib.sh"
project
mkdir -p suites/main/urgent suites/main/late
printf 'execute: echo\npriority: 10\n' >suites/main/urgent/task.yaml
printf 'execute: echo\npriority: -1\n' >suites/main/late/task.yaml
printf 'priority: 5\n' >>suites/main/vars/task.yaml
order=$("$ORCHGEN" list | cut -f1 | tr '\n' ' ')
[ "$order" = "alpha:main/urgent beta:main/urgent alpha:main/vars:one alpha:main/vars:two beta:main/vars:one beta:main/vars:two alpha:main/hello beta:main/hello alpha:main/late beta:main/late " ] || fail "not in priority order: $order"
"$ORCHGEN"
line() { grep -n "^build [^:]*stamp/alpha/main/$1" build.ninja | head -n 1 | cut -d: -f1; }
[ "$(line urgent)" -lt "$(line vars)" ] && [ "$(line vars)" -lt "$(line hello)" ] && [ "$(line hello)" -lt "$(line late)" ] || fail "build.ninja does not follow priority order"
