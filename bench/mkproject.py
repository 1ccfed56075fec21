#!/usr/bin/env python3
"""bench/mkproject.py: projects for timing generation (bench/scale.sh).

    mkproject.py suites DIR NSUITES [NDISTROS]
        NDISTROS distros (8 by default) and NSUITES suites, ten to a
        directory, as a real project's look: a summary, an environment,
        prepare/execute/restore scripts; every tenth suite has two
        variants, every seventh runs on some distros only, and every
        fiftieth holds a suite nested in it.
    mkproject.py corpus DIR TOP NTASKS
        tests/corpus's suites (every key of the format, odd YAML), copied
        over and over until there are NTASKS, on a matrix of 12 systems.

Deterministic: the same arguments make the same bytes. DIR is replaced.
"""
import os
import shutil
import sys

DISTROS = ["alma", "alpine", "arch", "bookworm", "bullseye", "centos", "fedora",
           "jammy", "noble", "opensuse", "sid", "trixie"]
FEATURES = {"arch": "pacman", "bookworm": "apt locale-de", "bullseye": "apt",
            "fedora": "dnf", "jammy": "apt", "noble": "apt locale-de", "sid": "apt",
            "trixie": "apt locale-de", "alma": "dnf", "centos": "dnf"}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def matrix(top, name, distros):
    ini = ["[project]", "name = %s" % name, "jobs = 4", ""]
    for d in distros:
        ini += ["[distro %s]" % d, "base = example/%s:latest" % d]
        if d in FEATURES:
            ini.append("features = %s" % FEATURES[d])
        ini.append("")
    write(os.path.join(top, "orchgen.ini"), "\n".join(ini))
    write(os.path.join(top, "docker", "Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n")


def task(i, distros):
    t = ["summary: suite %d checks one part of the product" % i,
         "details: |",
         "  A longer text for people, as real suites have: what it covers,",
         "  and what a failure of it usually means.",
         "environment:",
         "  LEVEL: %d" % (i % 5),
         "  NAME: \"suite-%d\"" % i]
    if i % 10 == 3:
        t += ["  MODE/fast: quick", "  MODE/slow: thorough"]
    if i % 7 == 5:
        t.append("systems: [%s, %s]" % (distros[i % len(distros)],
                 distros[(i + 1) % len(distros)]))
    t += ["prepare: |",
          "  mkdir -p /tmp/work-$NAME",
          "  echo \"preparing $NAME at level $LEVEL\"",
          "execute: |",
          "  cd /tmp/work-$NAME",
          "  for n in 1 2 3; do echo \"step $n\"; done",
          "  test \"$LEVEL\" -lt 5",
          "restore: |",
          "  rm -rf /tmp/work-$NAME",
          "kill-timeout: 10m"]
    if i % 13 == 0:
        t.append("priority: %d" % (i % 3))
    return "\n".join(t) + "\n"


def suites(top, n, ndistros):
    distros = DISTROS[:ndistros] if ndistros <= len(DISTROS) else \
        ["d%02d" % k for k in range(ndistros)]
    matrix(top, "bench-scale", distros)
    for i in range(n):
        area = "area-%03d" % (i // 10)
        if i % 50 == 49:	# nested in the suite before it
            name = "%s/suite-%05d/inner" % (area, i - 1)
        else:
            name = "%s/suite-%05d" % (area, i)
        write(os.path.join(top, "suites", name, "task.yaml"), task(i, distros))


def corpus(top, repo, n):
    src = os.path.join(repo, "tests", "corpus", "suites")
    tasks = sorted(os.path.relpath(os.path.join(d, "task.yaml"), src)
                   for d, _, files in os.walk(src) if "task.yaml" in files)
    matrix(top, "bench-corpus", DISTROS)
    copy = 0
    while n > 0:
        for t in tasks[:n]:
            dst = os.path.join(top, "suites", "copy-%02d" % copy, t)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(src, t), dst)
        n -= min(n, len(tasks))
        copy += 1


def main(argv):
    if len(argv) >= 4 and argv[1] == "suites":
        top, make = argv[2], lambda: suites(argv[2], int(argv[3]), int(argv[4]) if len(argv) > 4 else 8)
    elif len(argv) == 5 and argv[1] == "corpus":
        top, make = argv[2], lambda: corpus(argv[2], argv[3], int(argv[4]))
    else:
        sys.exit(__doc__.strip().split("\n\n")[1])
    shutil.rmtree(top, ignore_errors=True)
    make()


if __name__ == "__main__":
    main(sys.argv)
