# A continuation line that starts with \v or \f adds to the value, as any
# other blank does; a line with a NUL byte is an error at its line.
. "$TOP/tests/lib.sh"
project
cp orchgen.ini "$T/plain.ini"
printf 'prepare-each = echo one\n echo two\n echo three\n' >"$T/extra"
sed -i "/^jobs = /r $T/extra" orchgen.ini
"$ORCHGEN"
cp build.ninja "$T/spaces.ninja"
cp "$T/plain.ini" orchgen.ini
printf 'prepare-each = echo one\n\vecho two\n\fecho three\n' >"$T/extra"
sed -i "/^jobs = /r $T/extra" orchgen.ini
"$ORCHGEN"
cmp -s build.ninja "$T/spaces.ninja" || fail "continuations that start with \\v or \\f read otherwise"
printf '[project]\nname = x\0tail\n' >bad.ini
expect_exit 2 "$ORCHGEN" -f bad.ini
expect_output 'bad.ini:2: a NUL byte in the line: expected text'
