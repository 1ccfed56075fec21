# However a configured path is written (./suites/, suites//), the names made
# from it are the same; suites = . finds the suites and never orchgen's own
# state.
. "$TOP/tests/lib.sh"
project
"$ORCHGEN" list >"$T/plain"
for form in ./suites/ suites// ./suites/./; do
	sed -i '/^suites = /d' orchgen.ini
	sed -i "s|^jobs = 2\$|&\nsuites = $form|" orchgen.ini
	"$ORCHGEN" list >"$T/list"
	diff "$T/plain" "$T/list" || fail "suites = $form lists other jobs"
	"$ORCHGEN"
done
mv suites/main .
rmdir suites
sed -i 's|^suites = .*|suites = .|' orchgen.ini
"$ORCHGEN"
mkdir -p .orch/junk && printf 'execute: true\n' >.orch/junk/task.yaml
"$ORCHGEN" list >"$T/list"
diff "$T/plain" "$T/list" || fail "suites = . lists other jobs"
