# [engine NAME] sections: a malformed host URL, TLS files that do not
# exist, a distro that no engine serves, a distro an engine names that the
# matrix lacks: each exits 2 at generation, naming the line, and writes no
# build.ninja. Good sections make the pool as deep as their slots.
. "$TOP/tests/lib.sh"
project
cp orchgen.ini good.ini
check() {	# LINES... appended: exit 2 with PATTERN
	pattern=$1; shift
	cp good.ini orchgen.ini
	printf '%s\n' "$@" >>orchgen.ini
	expect_exit 2 "$ORCHGEN"
	expect_output "$pattern"
	[ ! -e build.ninja ] || fail "build.ninja written for: $*"
}
line=$(($(wc -l <good.ini) + 3))
check "orchgen.ini:$line: bad host \"tcp:/nohost\"" '' '[engine far]' 'host = tcp:/nohost'
check "orchgen.ini:$line: bad host \"tcp://h:99999\"" '' '[engine far]' 'host = tcp://h:99999'
check "orchgen.ini:$line: bad host \"ssh://-oProxyCommand=x\"" '' '[engine far]' 'host = ssh://-oProxyCommand=x'
check "orchgen.ini:$line: bad host \"http://h\"" '' '[engine far]' 'host = http://h'
check "orchgen.ini:$((line + 1)): no such file \"ca.pem\"" '' '[engine far]' 'host = tcp://h:2376' 'tlscacert = ca.pem'
check "\\[distro beta\\]: no engine serves it" '' '[engine far]' 'distros = alpha'
check "\\[engine far\\]: no distro \"gamma\"" '' '[engine far]' 'distros = alpha beta gamma'
check "bad name in \\[engine Far\\]" '' '[engine Far]'

# Good: three slots here, two there; TLS files that exist.
: >ca.pem
cp good.ini orchgen.ini
printf '%s\n' '' '[engine here]' 'jobs = 3' '' '[engine far]' 'host = ssh://ci@build2.example:2222' \
	'jobs = 2' 'tlscacert = ca.pem' 'distros = alpha beta' >>orchgen.ini
expect_exit 0 "$ORCHGEN"
grep -q '^jobs = 5$' build.ninja || fail "the pool is not 3 + 2 deep: $(grep '^jobs' build.ninja)"
ninja -t commands >"$T/commands"
! grep -q 'far\|here\|build2' "$T/commands" || fail "an engine is written into a command line"
# A host is the docker client's option: podman's is another.
cp good.ini orchgen.ini
sed -i 's/^\[project\]$/[project]\nengine = podman/' orchgen.ini
printf '%s\n' '' '[engine far]' 'host = tcp://h:2376' >>orchgen.ini
expect_exit 2 "$ORCHGEN"
expect_output "\\[engine far\\]: a host is for the docker client"
