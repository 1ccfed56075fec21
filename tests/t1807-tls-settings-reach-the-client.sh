# An engine's host and TLS files reach the client as its own options
# (-H, --tlsverify, --tlscacert, --tlscert, --tlskey), on every call for
# that engine and on no other; the build.ninja commands name none of them.
. "$TOP/tests/lib.sh"
base_image
project
: >ca.pem; : >cert.pem; : >key.pem
cat >>orchgen.ini <<INI

[engine here]
jobs = 1

[engine tls]
host = tcp://127.0.0.1:1
tlsverify = yes
tlscacert = ca.pem
tlscert = cert.pem
tlskey = key.pem
INI
"$ORCHGEN" >/dev/null
docker_spy
ninja_ok
grep -q '^-H tcp://127.0.0.1:1 --tlsverify --tlscacert ca.pem --tlscert cert.pem --tlskey key.pem image inspect' "$T/docker.calls" ||
	fail "no call with the engine's options: $(cat "$T/docker.calls")"
! grep -v '^-H tcp://127.0.0.1:1 ' "$T/docker.calls" | grep -q -- '--tls' || fail "TLS options on a call to another engine"
! grep -q -- '--tls\|127.0.0.1\|pem' build.ninja || fail "build.ninja names the engine"
