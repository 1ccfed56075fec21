# make install honours PREFIX and DESTDIR, and installs the program and its man page.
. "$TOP/tests/lib.sh"
make -s -C "$TOP" install PREFIX=/usr DESTDIR="$T/root" >"$T/out" 2>&1 || { cat "$T/out"; fail "make install failed"; }
[ -x "$T/root/usr/bin/orchgen" ] || fail "no $T/root/usr/bin/orchgen"
[ -f "$T/root/usr/share/man/man1/orchgen.1" ] || fail "no man page"
"$T/root/usr/bin/orchgen" --help | grep -q '^usage: orchgen' || fail "the installed program does not run"
