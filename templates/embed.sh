#!/bin/sh
# The templates as C: build.ninja.in as tmpl_build_ninja_in, and the files
# of a new project (templates/init/...) as the table tmpl_init, each with
# its path in the project ("gitignore" becomes ".gitignore").
# Usage: sh templates/embed.sh build.ninja.in INIT-DIR
string() {
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$1"
}
printf 'const char tmpl_build_ninja_in[] =\n'
string "$1"
printf ';\n\n#include <stddef.h>\nconst struct tmpl_file {\n\tconst char *path, *text;\n} tmpl_init[] = {\n'
(cd "$2" && find . -type f | sort) | while read -r f; do
	path=${f#./}
	[ "$path" = gitignore ] && path=.gitignore
	printf '\t{"%s",\n' "$path"
	string "$2/$f"
	printf '\t},\n'
done
printf '\t{NULL, NULL},\n};\n'
