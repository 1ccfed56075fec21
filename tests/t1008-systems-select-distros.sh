# systems (and its alias distro-check): a suite's jobs exist only on the
# distros its patterns select: plain names and patterns select, a list of
# -x/+x changes starts from every distro; a list mixing both (["*", -x]
# too: "*" is a plain entry) is refused at its line, as spread refuses it,
# and nothing is written.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/only-alpha suites/not-alpha suites/check suites/back
printf 'systems: [alpha]\nexecute: "true"\n' >suites/only-alpha/task.yaml
printf 'systems: [-alpha]\nexecute: "true"\n' >suites/not-alpha/task.yaml
printf 'distro-check: [b*]\nexecute: "true"\n' >suites/check/task.yaml
printf 'systems: [-a*, +alpha]\nexecute: "true"\n' >suites/back/task.yaml
"$ORCHGEN"
ninja_ok all-distros
ran=$(grep -o 'TEST [a-z]*:[a-z-]*' "$T/ninja.out" | sed 's/TEST //' | sort | tr '\n' ' ')
[ "$ran" = "alpha:back alpha:only-alpha beta:back beta:check beta:not-alpha " ] || fail "jobs that ran: $ran"
cp build.ninja "$T/before.ninja"
mkdir suites/mixed
printf 'systems: ["*", -alpha]\nexecute: "true"\n' >suites/mixed/task.yaml
set +e
"$ORCHGEN" 2>"$T/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "a mixed systems list: exit $rc, expected 2"
grep -q 'suites/mixed/task.yaml:1:16: systems: "-alpha" after "\*": expected plain names or +/- changes, not both' "$T/err" ||
	{ cat "$T/err" >&2; fail "the refusal does not name the entry and its line"; }
cmp -s build.ninja "$T/before.ninja" || fail "build.ninja changed after the refusal"
