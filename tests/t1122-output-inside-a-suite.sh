# The Ninja file written inside a suite's directory is never an input of
# that suite: generating again works, its hash edge leaves the file out
# (so does `orchgen hash` when Ninja runs it), and regenerating or
# touching it runs no job. Under the suites root and with `suites = .`.
. "$TOP/tests/lib.sh"
base_image
project
for out in suites/main/hello/build.ninja main/hello/build.ninja; do
	if [ "$out" = main/hello/build.ninja ]; then
		mv suites/main . && rmdir suites
		sed -i 's/^\[project\]$/[project]\nsuites = ./' orchgen.ini
	fi
	"$ORCHGEN" -o "$out" >/dev/null
	"$ORCHGEN" -o "$out" >"$T/gen.out" 2>&1 || { cat "$T/gen.out" >&2; fail "$out: the second generation failed"; }
	grep -q "exclude ${out%/build.ninja}/build.ninja" "$out" || fail "$out: the suite's hash edge does not leave the Ninja file out"
	ninja_ok -f "$out"
	[ "$(count TEST)" = 6 ] || fail "$out: expected 6 jobs on the first run"
	ninja_ok -f "$out"
	[ "$(count TEST)" = 0 ] || fail "$out: a second run ran jobs"
	echo "# an edit" >>"$out"
	touch "$out"
	"$ORCHGEN" -o "$out" >/dev/null
	ninja_ok -f "$out"
	[ "$(count TEST)" = 0 ] || fail "$out: a rewritten Ninja file reran jobs of its suite"
	echo '  echo more' >>"${out%/build.ninja}/task.yaml"
	ninja_ok -f "$out"
	[ "$(count TEST)" = 2 ] || fail "$out: an edited suite ran $(count TEST) jobs, expected 2"
	rm -rf .orch "$out"
done
