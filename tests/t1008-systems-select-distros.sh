# systems (and its alias distro-check): a suite's jobs exist only on the
# distros its patterns select; -x removes, +x adds back.
. "$TOP/tests/lib.sh"
base_image
project
rm -r suites/main
mkdir -p suites/only-alpha suites/not-alpha suites/check suites/back
printf 'systems: [alpha]\nexecute: "true"\n' >suites/only-alpha/task.yaml
printf 'systems: ["*", -alpha]\nexecute: "true"\n' >suites/not-alpha/task.yaml
printf 'distro-check: [b*]\nexecute: "true"\n' >suites/check/task.yaml
printf 'systems: ["*", -a*, +alpha]\nexecute: "true"\n' >suites/back/task.yaml
"$ORCHGEN"
ninja_ok all-distros
ran=$(grep -o 'TEST [a-z]*:[a-z-]*' "$T/ninja.out" | sed 's/TEST //' | sort | tr '\n' ' ')
[ "$ran" = "alpha:back alpha:only-alpha beta:back beta:check beta:not-alpha " ] || fail "jobs that ran: $ran"
