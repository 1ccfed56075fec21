# bash completion for orchgen(1): its commands, each command's options,
# distro names and job names. Install it as
# share/bash-completion/completions/orchgen, or source it.
#
# Distros and jobs are asked of `orchgen list` in the project the command
# line names (its -C, -f and -D); when that fails, outside a project for
# one, nothing is offered and nothing is printed.

_orchgen_commands='generate init list keys gc report why log shell exec up down hash base image warm build test retest probe'

# The options command $1 takes, as `orchgen $1 --help` lists them: an
# option that takes an argument is offered as "--name=" (the short ones
# take it as the next word). tests/t1302-bash-completion.sh holds the
# two together.
_orchgen_options() {
	local matrix='-C -f -D'
	case $1 in
	generate) echo "$matrix -o --distros=" ;;
	init) echo '-C' ;;
	list) echo "$matrix --distros= --format= --targets --shard= --results=" ;;
	keys) echo "$matrix -o --distro= --format= --shards=" ;;
	gc) echo "$matrix --caches --keep-archives=" ;;
	report) echo "$matrix --junit= --json= --html= --results=" ;;
	why) echo "$matrix" ;;
	log) echo "$matrix --follow" ;;	# -f: the matrix before log, --follow after it
	shell) echo "$matrix --distro= --image=" ;;
	exec | up | down) echo "$matrix --distro=" ;;
	hash) echo '-C -o --context= --exclude= --follow' ;;
	base) echo "$matrix -o --distro= --key=" ;;
	image) echo "$matrix -o --distro= --hash= --key= --rebuild" ;;
	warm | build) echo "$matrix -o --distro= --image= --key=" ;;
	test) echo "$matrix --distro= --suite= --variant= --image= --key=" ;;
	retest) echo "$matrix -o --distro=" ;;
	probe) echo "$matrix" ;;
	esac
	echo '-h --help'
}

# The values of --format that command $1 takes.
_orchgen_formats() {
	case $1 in
	list) echo 'text json targets' ;;
	keys) echo 'env json github github-matrix' ;;
	esac
}

# jobs: the jobs of the project, the first column of `orchgen list`, run
# with the -C, -f and -D of the command line (where).
_orchgen_jobs() {
	local job rest
	jobs=()
	while IFS=$'\t' read -r job rest; do
		jobs+=("$job")
	done < <("$prog" "${where[@]}" list </dev/null 2>/dev/null)
}

# distros: the distros that have jobs, the part of each job before its
# first ':'; jobs too.
_orchgen_distros() {
	local job seen=' '
	_orchgen_jobs
	distros=()
	for job in "${jobs[@]}"; do
		job=${job%%:*}
		case $seen in
		*" $job "*) ;;
		*) seen="$seen$job " distros+=("$job") ;;
		esac
	done
}

# COMPREPLY: PREFIX then each WORD, when that starts with $cur, less the
# part of $cur that bash keeps (up to its last ':' or '=' when bash breaks
# words there).
_orchgen_reply() {
	local prefix=$1 w b= pre=
	shift
	case ${COMP_WORDBREAKS-:=} in *=*) b='=' ;; esac
	case ${COMP_WORDBREAKS-:=} in *:*) b="$b:" ;; esac
	[ -z "$b" ] || pre=${cur%"${cur##*[$b]}"}
	COMPREPLY=()
	for w; do
		w=$prefix$w
		case $w in "$cur"*) COMPREPLY+=("${w#"$pre"}") ;; esac
	done
}

# COMPREPLY: PREFIX then the files (with -d, the directories) that what
# follows PREFIX in $cur begins.
_orchgen_files() {
	local kind=-f f
	local -a found=()
	[ "$1" != -d ] || { kind=-d; shift; }
	while IFS= read -r f; do
		found+=("$f")
	done < <(compgen "$kind" -- "${cur#"$1"}" 2>/dev/null)
	compopt -o filenames 2>/dev/null
	_orchgen_reply "$1" "${found[@]}"
}

# COMPREPLY: the argument of option $1 of command $cmd, after PREFIX $2
# (what $cur starts with: "--distro=", or nothing when the argument is a
# word of its own).
_orchgen_argument() {
	local prefix=$2 list
	local -a distros jobs
	case $1 in
	-C | --results | --context) _orchgen_files -d "$prefix" ;;
	-f | -o | --junit | --json | --html | --image | --hash | --exclude) _orchgen_files "$prefix" ;;
	--distro)
		_orchgen_distros
		_orchgen_reply "$prefix" "${distros[@]}" ;;
	--distros)
		# a,b,c: the last name, after the others
		list=${cur#"$prefix"}
		case $list in *,*) prefix="$prefix${list%,*}," ;; esac
		_orchgen_distros
		_orchgen_reply "$prefix" "${distros[@]}"
		compopt -o nospace 2>/dev/null ;;
	--format) _orchgen_reply "$prefix" $(_orchgen_formats "$cmd") ;;
	*) COMPREPLY=() ;;
	esac
}

_orchgen() {
	local -a words=() where=()
	local IFS=$' \t\n' cur cword prog cmd= want= dashdash= distro= operands=0 i w line

	# The words up to the cursor, split at blanks only, so that a job
	# (a:b:c) or an option (--distro=a) is one word.
	if [ -n "${COMP_LINE+set}" ]; then
		line=${COMP_LINE:0:${COMP_POINT:-${#COMP_LINE}}}
		read -ra words <<<"$line"
		case $line in '' | *[[:blank:]]) words+=('') ;; esac
	else
		for ((i = 0; i <= COMP_CWORD; i++)); do
			w=${COMP_WORDS[i]}
			if ((i > 1)) && [[ $w == [:=]* || ${words[${#words[@]} - 1]} == *[:=] ]]; then
				words[${#words[@]} - 1]+=$w
			else
				words+=("$w")
			fi
		done
	fi
	cword=$((${#words[@]} - 1))
	cur=${words[cword]}
	prog=${words[0]/#\~/$HOME}
	command -v -- "$prog" >/dev/null 2>&1 || prog=orchgen

	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		if [ -n "$dashdash" ]; then
			continue
		fi
		case $w in
		--) dashdash=1 ;;
		-C | -D | -o | -f)
			if [ "$w" = -f ] && [ "$cmd" = log ]; then
				continue	# after log, its -f follows; before it, -f is the matrix
			fi
			if ((i + 1 == cword)); then
				want=$w
				break
			fi
			i=$((i + 1))
			case $w in
			-C) where+=(-C "${words[i]/#\~/$HOME}") ;;
			-f | -D) where+=("$w" "${words[i]/#\~/$HOME}") ;;
			esac ;;
		-C?*) where+=(-C "${w#-C}") ;;
		-D?* | -f?*) where+=("$w") ;;
		--distros | --distro | --suite | --variant | --hash | --image | --key | --format | \
		--context | --exclude | --junit | --json | --html | --results | --shard | --shards | --keep-archives)
			if ((i + 1 == cword)); then
				want=$w
				break
			fi
			[ "$w" != --distro ] || distro=1
			i=$((i + 1)) ;;
		--distro=*) distro=1 ;;
		-*) ;;
		*)
			if [ -z "$cmd" ]; then
				cmd=$w
			else
				operands=$((operands + 1))
			fi ;;
		esac
		# exec D COMMAND..., up D COMMAND...: past the distro, the command
		# line is COMMAND's
		if { [ "$cmd" = exec ] || [ "$cmd" = up ]; } && { [ -n "$distro" ] || ((operands > 0)); }; then
			dashdash=1
		fi
	done
	if [ -n "$dashdash" ]; then
		# exec D [--] COMMAND: what bash would complete by itself
		COMPREPLY=()
		[ "$cmd" != exec ] && [ "$cmd" != up ] || compopt -o default 2>/dev/null
		return 0
	fi
	if [ -n "$want" ]; then
		_orchgen_argument "$want" ''
		return 0
	fi
	case $cur in
	--*=*)
		_orchgen_argument "${cur%%=*}" "${cur%%=*}="
		return 0 ;;
	-*)
		# before any command: generate's, and --version
		_orchgen_reply '' $(_orchgen_options "${cmd:-generate}") $([ -n "$cmd" ] || echo --version)
		for w in "${COMPREPLY[@]}"; do
			case $w in *=) compopt -o nospace 2>/dev/null ;; esac
		done
		return 0 ;;
	esac
	local -a jobs distros
	case $cmd in
	'') _orchgen_reply '' $_orchgen_commands ;;
	init) ((operands > 0)) || _orchgen_files -d '' ;;
	shell)
		if ((operands == 0)); then
			_orchgen_distros
			_orchgen_reply '' "${distros[@]}" "${jobs[@]}"
		fi ;;
	exec | up | down) ((operands > 0)) || { _orchgen_distros; _orchgen_reply '' "${distros[@]}"; } ;;
	log) ((operands > 0)) || { _orchgen_jobs; _orchgen_reply '' "${jobs[@]}"; } ;;
	why) _orchgen_jobs; _orchgen_reply '' "${jobs[@]}" ;;
	*) COMPREPLY=() ;;
	esac
	return 0
}

complete -F _orchgen orchgen
