#!/usr/bin/env python3
"""bench/pair.py [--setup 'COMMAND'] RUNS 'COMMAND A' 'COMMAND B': A and B
run in turn, A B A B ..., after one warm-up run each; each run's CPU
seconds (user + system of the processes it waited for) and wall seconds
are measured from outside. With --setup, COMMAND runs before each run of
A and of B, untimed, with SIDE=a or SIDE=b in its environment (to put
back the state each run starts from).
Prints one line: the median CPU and wall of each, and the median of the
pairwise ratios A/B, as "cpu_a cpu_b cpu_ratio wall_a wall_b wall_ratio".
Pairing keeps a ratio meaningful when the machine's speed drifts. A
command is run by sh -c; its output is thrown away; one that fails ends
the bench with its status."""
import os
import resource
import statistics
import subprocess
import sys
import time


def setup(command, side):
    if command is None:
        return
    done = subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL,
                          env=dict(os.environ, SIDE=side))
    if done.returncode != 0:
        sys.exit("bench: setup %s exited %d" % (command, done.returncode))


def run(command, side, setup_command=None):
    setup(setup_command, side)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(["sh", "-c", command], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit("bench: %s exited %d" % (command, done.returncode))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main():
    args, set_up = sys.argv[1:], None
    if args[:1] == ["--setup"] and len(args) > 1:
        set_up, args = args[1], args[2:]
    if len(args) != 3:
        sys.exit("usage: bench/pair.py [--setup 'COMMAND'] RUNS 'COMMAND A' 'COMMAND B'")
    runs, a, b = int(args[0]), args[1], args[2]
    run(a, "a", set_up), run(b, "b", set_up)
    pairs = [(run(a, "a", set_up), run(b, "b", set_up)) for _ in range(runs)]
    med = statistics.median
    cpu_a, cpu_b = med(p[0][0] for p in pairs), med(p[1][0] for p in pairs)
    wall_a, wall_b = med(p[0][1] for p in pairs), med(p[1][1] for p in pairs)
    cpu_r = med(p[0][0] / p[1][0] for p in pairs if p[1][0] > 0)
    wall_r = med(p[0][1] / p[1][1] for p in pairs if p[1][1] > 0)
    print("%.3f %.3f %.2f %.3f %.3f %.2f" % (cpu_a, cpu_b, cpu_r, wall_a, wall_b, wall_r))


if __name__ == "__main__":
    main()
