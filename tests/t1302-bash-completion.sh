# The bash completion offers the commands and each command's options
# exactly as `orchgen --help` and `orchgen COMMAND --help` list them, so
# the two cannot drift; in a project, the distros and jobs `orchgen list`
# names; outside one, nothing, and not a word on stderr.
. "$TOP/tests/lib.sh"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$ORCHGEN" >"$T/bin/orchgen"
chmod +x "$T/bin/orchgen"

# offered LINE: what completing at the end of LINE offers, one a line, as
# bash calls it (COMP_LINE, COMP_POINT, COMP_WORDS); stderr in $T/err.
offered() {
	PATH="$T/bin:$PATH" bash -c '
		. "$1"
		COMP_LINE=$2 COMP_POINT=${#2}
		read -ra COMP_WORDS <<<"$2"
		COMP_CWORD=${#COMP_WORDS[@]}
		case $2 in *" ") ;; *) COMP_CWORD=$((COMP_CWORD - 1)) ;; esac
		_orchgen
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' sh "$TOP/completion/orchgen.bash" "$1" 2>"$T/err"
	[ ! -s "$T/err" ] || { cat "$T/err" >&2; fail "completing \"$1\" wrote to stderr"; }
}

# expect_offered LINE WORD...: completing LINE offers exactly the WORDs.
expect_offered() {
	line=$1
	shift
	got=$(offered "$line" | LC_ALL=C sort | tr '\n' ' ')
	want=$([ $# -eq 0 ] || printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' ')
	[ "$got" = "$want" ] || fail "completing \"$line\" offered \"$got\", expected \"$want\""
}

# As COMP_WORDS alone gives the words, too.
got=$(PATH="$T/bin:$PATH" bash -c '. "$1"; COMP_WORDS=(orchgen li); COMP_CWORD=1; _orchgen; echo "${COMPREPLY[@]}"' sh "$TOP/completion/orchgen.bash")
[ "$got" = list ] || fail "orchgen li completed to \"$got\", expected list"
expect_offered "orchgen --vers" --version

commands=$("$ORCHGEN" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$commands" ] || fail "orchgen --help lists no command"
expect_offered "orchgen " $commands
expect_offered "orchgen report --ju" --junit=

# Every command's options, as its --help lists them: "-C DIR" is -C,
# "--distros=A,B" is --distros=, "-f, --follow" both; log's -f once, as
# its -f FILE (before its name) and its -f, --follow are one word.
for cmd in $commands; do
	opts=$("$ORCHGEN" "$cmd" --help | sed -n 's/^  \(-.*\)/\1/p' | sed 's/, /\n/g' | sed 's/=.*/=/; s/ .*//' | sort -u)
	[ -n "$opts" ] || fail "orchgen $cmd --help lists no option"
	expect_offered "orchgen $cmd -" $opts
done

# Outside a project: no distro, no job, no message.
cd "$T"
expect_offered "orchgen shell "
expect_offered "orchgen log "
expect_offered "orchgen --distros="

# In one: its distros and jobs, the part of a job after a ':' as bash,
# which breaks words at ':', completes it.
project
expect_offered "orchgen --distros=" alpha beta
expect_offered "orchgen list --distros=alpha,b" alpha,beta
expect_offered "orchgen keys --distro " alpha beta
expect_offered "orchgen exec b" beta
expect_offered "orchgen exec beta -"	# COMMAND's options, not orchgen's
expect_offered "orchgen up b" beta
expect_offered "orchgen up beta -"
expect_offered "orchgen down " alpha beta
expect_offered "orchgen shell al" alpha alpha:main/hello alpha:main/vars:one alpha:main/vars:two
expect_offered "orchgen log beta:main/v" main/vars:one main/vars:two
# Before log, -f names the matrix; after it, -f follows.
sed 's/^\[distro beta\]$/[distro gamma]/' orchgen.ini >other.ini
expect_offered "orchgen -f other.ini log gamma:main/h" main/hello
expect_offered "orchgen log -f alpha:main/h" main/hello
expect_offered "orchgen why alpha:main/vars:" one two
expect_offered "orchgen list --format=" text json targets
expect_offered "orchgen keys --format=github-" github-matrix
cd "$T"
expect_offered "orchgen -C $P why beta:main/h" main/hello
