# A configured root that is a link is walked through it, as docker does
# with a build context: the context's files are hashed (an edit changes the
# image key), and a suites link gives its suites.
. "$TOP/tests/lib.sh"
project
mv docker real-docker
ln -s real-docker ctx
mv suites real-suites
ln -s real-suites tests
printf 'context = ctx\ndockerfile = ctx/Dockerfile\nsuites = tests\n' >>"$T/extra"
sed -i "/^jobs = /r $T/extra" orchgen.ini
"$ORCHGEN"
"$ORCHGEN" list >"$T/list"
grep -q '^alpha:main/hello' "$T/list" || { cat "$T/list"; fail "no suites through the suites link"; }
"$ORCHGEN" keys >"$T/k1"
echo '# edited' >>real-docker/Dockerfile
"$ORCHGEN" keys >"$T/k2"
! cmp -s "$T/k1" "$T/k2" || fail "editing a file of a linked context changed no key"
echo data >real-docker/more.txt
"$ORCHGEN" keys >"$T/k3"
! cmp -s "$T/k2" "$T/k3" || fail "adding a file to a linked context changed no key"
