# A spread.yaml orchgen cannot take is refused with its file and line, exit
# 2, and nothing written: not a mapping, no path or a path that is not
# absolute (or is /), a suite directory that does not exist, a backend
# without systems, a system under two backends with other settings (both
# lines named), a systems list that mixes plain names and +/- changes, a
# suite or a task named otherwise than spread names them.
. "$TOP/tests/lib.sh"
P="$T/project"
mkdir -p "$P/tests/main/one"
cd "$P"
printf '[project]\nname = bad\n\n[distro alpha]\nbase = busybox\n\n[distro beta]\nbase = busybox\n' >orchgen.ini
printf 'summary: one\nexecute: "true"\n' >tests/main/one/task.yaml
good='project: bad
path: /bad
backends:
    local:
        systems: [alpha, beta]
suites:
    tests/main/:
        summary: main'
refused() {	# refused WHAT PATTERN: spread.yaml as it is now is refused so
	expect_exit 2 "$ORCHGEN"
	expect_output "$2"
	[ ! -e build.ninja ] || fail "$1: build.ninja was written"
}
echo "$good" >spread.yaml
"$ORCHGEN" >/dev/null && rm build.ninja || fail "the good spread.yaml is refused"
printf -- '- a\n- b\n' >spread.yaml
refused "a list" 'spread.yaml:1:1: spread.yaml must be a mapping of keys, got a sequence'
echo "$good" | sed 's|^path: /bad|path: relative|' >spread.yaml
refused "a relative path" 'spread.yaml:2:7: path: expected the absolute directory, not /.*, that the project is copied to in each job, got "relative"'
echo "$good" | sed 's|^path: /bad|path: /|' >spread.yaml
refused "path /" 'spread.yaml:2:7: path: expected the absolute directory, not /'
echo "$good" | sed '/^path:/d' >spread.yaml
refused "no path" 'spread.yaml:1:1: no "path"'
echo "$good" | sed 's|tests/main/:|tests/nope/:|' >spread.yaml
refused "a missing suite" 'spread.yaml:7:5: suite tests/nope/: no such directory'
printf 'project: bad\npath: /bad\nbackends:\n    local:\n        type: adhoc\nsuites:\n    tests/main/:\n' >spread.yaml
refused "a backend without systems" 'spread.yaml:4:5: backend local has no systems'
cat >spread.yaml <<'YAML'
project: bad
path: /bad
backends:
    local:
        systems: [alpha]
    other:
        systems:
            - alpha:
                environment:
                    X: 1
suites:
    tests/main/:
YAML
refused "a system twice" 'spread.yaml:8:15: system "alpha" of backend "other" is also under backend "local" at line 5, with other settings'
echo "$good" >spread.yaml
printf 'summary: one\nsystems: [alpha, -beta]\nexecute: "true"\n' >tests/main/one/task.yaml
refused "a mixed systems list" 'tests/main/one/task.yaml:2:18: systems: "-beta" after "alpha": expected plain names or +/- changes, not both'
echo "$good" >spread.yaml
printf 'summary: one\nexecute: "true"\n' >tests/main/one/task.yaml
mkdir -p tests/main/Two
cp tests/main/one/task.yaml tests/main/Two/
refused "a task's name" 'tests/main/Two/task.yaml: invalid task name "Two"'
rm -r tests/main/Two
mkdir -p tests/Main
echo "$good" | sed 's|tests/main/:|tests/Main/:|' >spread.yaml
refused "a suite's name" 'spread.yaml:7:5: suites: "tests/Main/": expected a directory of the project ending in'
