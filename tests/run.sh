#!/bin/sh
# Runs every test: the C unit tests, then tests/t*.sh (golden, bad input,
# end to end). Prints one line per test and, last, "N passed, N failed".
# TESTS="t01*" runs a subset.
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)
mkdir -p tests/tmp/unit
passed=0 failed=0

run_one() {
	name=$1; shift
	log="tests/tmp/$name.log"
	start=$(date +%s)
	if "$@" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name ($(( $(date +%s) - start ))s)"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/     | /' "$log" | tail -n 40
	fi
}

for t in tests/unit/test-*; do
	case $t in *.c|*.h) continue ;; esac
	case $(basename "$t") in ${TESTS:-*}) ;; *) continue ;; esac
	[ -x "$t" ] && run_one "unit/$(basename "$t")" "$t"
done
for t in tests/t[0-9]*.sh; do
	case $(basename "$t") in ${TESTS:-*}) ;; *) continue ;; esac
	run_one "$(basename "$t" .sh)" env TOP="$top" sh "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
