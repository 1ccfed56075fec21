# spread.yaml is read when it sits beside orchgen.ini and no suites are
# named, or when [project] spread names it; with suites named, orchgen's
# own suites are read and spread.yaml is not.
. "$TOP/tests/lib.sh"
P="$T/project"
mkdir -p "$P/tests/main/one" "$P/suites/own" "$P/sub/tests/main/two"
cd "$P"
printf '[project]\nname = when\n\n[distro alpha]\nbase = busybox\n' >orchgen.ini
spread='project: when
path: /when
backends:
    local:
        systems: [alpha]
suites:
    tests/main/:
        summary: main'
echo "$spread" >spread.yaml
echo "$spread" >sub/spread.yaml
printf 'summary: one\nexecute: "true"\n' >tests/main/one/task.yaml
printf 'summary: two\nexecute: "true"\n' >sub/tests/main/two/task.yaml
printf 'summary: own\nexecute: "true"\n' >suites/own/task.yaml
[ "$("$ORCHGEN" list)" = "$(printf 'alpha:tests/main/one\tauto')" ] || fail "spread.yaml beside orchgen.ini is not read"
[ "$("$ORCHGEN" list -D project.suites=suites)" = "$(printf 'alpha:own\tauto')" ] || fail "with suites named, spread.yaml is read"
[ "$("$ORCHGEN" list -D project.spread=sub/spread.yaml)" = "$(printf 'alpha:tests/main/two\tauto')" ] || fail "[project] spread is not read"
# What spread.yaml asks and orchgen does not do is said, at its line.
printf 'repack: |\n    cat <&3 >&4\n' >>spread.yaml
expect_exit 0 "$ORCHGEN" list
expect_output 'spread.yaml:9:1: repack: not applied by orchgen (ignored)'
