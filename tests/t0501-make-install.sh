# make install honours PREFIX and DESTDIR, and installs the program, its man
# pages (orchgen(1), orchgen.ini(5), orchgen-task.yaml(5)) and its bash completion.
. "$TOP/tests/lib.sh"
make -s -C "$TOP" install PREFIX=/usr DESTDIR="$T/root" >"$T/out" 2>&1 || { cat "$T/out"; fail "make install failed"; }
[ -x "$T/root/usr/bin/orchgen" ] || fail "no $T/root/usr/bin/orchgen"
[ -f "$T/root/usr/share/man/man1/orchgen.1" ] || fail "no man page"
for page in orchgen.ini.5 orchgen-task.yaml.5; do
	cmp -s "$TOP/doc/$page" "$T/root/usr/share/man/man5/$page" || fail "$page is not installed in man5"
done
cmp -s "$TOP/completion/orchgen.bash" "$T/root/usr/share/bash-completion/completions/orchgen" ||
	fail "the bash completion is not installed as share/bash-completion/completions/orchgen"
"$T/root/usr/bin/orchgen" --help | grep -q '^usage: orchgen' || fail "the installed program does not run"
# Built out of the tree (O=DIR), that build is what is installed.
make -s -C "$TOP" install O="$T/build" DESTDIR="$T/root2" >"$T/out" 2>&1 || { cat "$T/out"; fail "make install O=DIR failed"; }
cmp -s "$T/build/orchgen" "$T/root2/usr/local/bin/orchgen" || fail "make install O=DIR installed another build than DIR's"
