# orchgen keys --format=github-matrix prints, on one line for
# $GITHUB_OUTPUT, a matrix for strategy.matrix: one entry per distro, or N
# per distro with --shards=N (shard 1/N to N/N), each with the distro's
# keys as --format=github prints them.
. "$TOP/tests/lib.sh"
stage_project
"$ORCHGEN" keys --format=github-matrix >"$T/m1"
[ "$(wc -l <"$T/m1")" -eq 1 ] || fail "the matrix is not one line"
"$ORCHGEN" keys --format=github >"$T/gh"
"$ORCHGEN" keys --format=github-matrix --shards=3 >"$T/m3"
"$ORCHGEN" keys --format=github-matrix --shards=2 --distro=beta >"$T/beta"
python3 - "$T" <<'PY' || fail "the matrix is not what keys --format=github says"
import json, sys
t = sys.argv[1]
keys = dict(line.strip().split("=", 1) for line in open(t + "/gh"))
def entries(name):
    m = json.load(open(t + "/" + name))
    assert list(m) == ["include"], m
    return m["include"]
def check(e):
    d = e["distro"]
    for stage in ("base", "image", "warm", "build", "run"):
        assert e.get(stage) == keys.get(stage + "-" + d), (e, stage)
    return (d, e["shard"])
got = [check(e) for e in entries("m1")]
assert got == [("alpha", "1/1"), ("beta", "1/1")], got
got = [check(e) for e in entries("m3")]
assert got == [(d, "%d/3" % k) for d in ("alpha", "beta") for k in (1, 2, 3)], got
got = [check(e) for e in entries("beta")]
assert got == [("beta", "1/2"), ("beta", "2/2")], got
assert "base" in entries("m1")[0] and "base" not in entries("m1")[1], "base keys"
PY
