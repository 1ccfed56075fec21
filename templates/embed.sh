#!/bin/sh
# Turn a template into a C string named after its file: build.ninja.in -> tmpl_build_ninja_in.
for f in "$@"; do
	name=$(basename "$f" | tr -c 'a-zA-Z0-9\n' '_')
	printf 'const char tmpl_%s[] =\n' "$name"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$f"
	printf ';\n'
done
