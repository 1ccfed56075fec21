# On an engine that shares no files, a cache volume is warmed there by
# the warm commands, never filled from this host's cache: it carries the
# warm stage's stamp, so that a job starting there with a changed warm
# key warms it there again, once, keeping what it held, and an unchanged
# key warms nothing there.
. "$TOP/tests/lib.sh"
base_image
stage_project
second_engine
cat >>suites/main/hello/task.yaml <<'YAML'
  echo "lock: $(cat /var/cache/dl/lock), warms: $(grep -c . /var/cache/dl/warm.log)"
YAML
engines_ini 0 2
"$ORCHGEN" --distros=alpha >/dev/null
log=.orch/logs/alpha/main/hello.log
ninja_ok
grep -qx "lock: v1, warms: 1" $log || fail "first run: $(cat $log)"
grep -q "^--- warm dl" .orch/engines/far/stage/alpha/warm.log || fail "the cache was not warmed on the far engine"
echo local >>.orch/cache/dl/alpha/warm.log
ninja_ok retest-alpha/main/hello
grep -qx "lock: v1, warms: 1" $log || fail "warmed again with the same key, or filled from here: $(cat $log)"
echo v2 >lock.txt
ninja_ok retest-alpha
[ "$(count WARM)" -eq 1 ] || fail "expected the warm stage here once, got $(count WARM)"
grep -qx "lock: v2, warms: 2" $log || fail "a changed warm key did not warm the far volume again: $(cat $log)"
n=$(cat .orch/logs/alpha/main/*.log | grep -c "^orchgen: warm-alpha on engine far: .* running it there" || true)
[ "$n" -eq 1 ] || fail "the warm ran $n times there for the changed key and 3 jobs, expected once"
ninja_ok retest-alpha/main/hello
grep -qx "lock: v2, warms: 2" $log || fail "warmed again with an unchanged key: $(cat $log)"
[ -z "$(docker2 ps -aq)" ] || fail "containers left on the far engine"
