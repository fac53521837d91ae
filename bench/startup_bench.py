#!/usr/bin/env python3
"""Start-up: the wall time of small faultline commands against /bin/true.

A search of a small program is over in a few milliseconds, so what a user
waits for is the process: loading libraries, and Z3's context where the
search needs a solver. Each command below runs --reps times, all of them in
turn (so that they share the machine's conditions), and the table gives the
median and the ratio to /bin/true's median in the same run:

  /bin/true                   the floor: starting any process
  faultline --version         the driver's own start-up (no Clang, no Z3)
  faultline print             + parsing and checking the program
  faultline ldfi              the goal row: LDFI on a simplog-like model
                              (test/models/delivery/once.ded, fire-and-forget
                              delivery to two peers) at EOT 4, EFF 2, 0
                              crashes: one lost message breaks delivery
  faultline-cxx ldfi          the same search in the executable that has the
                              C++ frontend, as every command ran before the
                              split: the cost of loading Clang

The goal (issue 13): `faultline ldfi` under 20 ms.

  bench/startup_bench.py [--build build] [--reps 21] [--json]
"""
import json
import os
import statistics
import subprocess
import sys

import bench_args
from bench_args import timed

GOAL_MS = 20.0


def main():
    a = bench_args.parser(__doc__, reps=21).parse_args()
    build = bench_args.build_dir(a)
    tool = os.path.join(build, "faultline")
    cxx = os.path.join(build, "faultline-cxx")
    model = os.path.join(bench_args.ROOT, "test", "models", "delivery", "once.ded")
    search = [model, "--nodes", "a,b,c", "--eot", "4", "--eff", "2", "--crashes", "0"]
    # (name, command, the exit codes it may end with)
    rows = [
        ("/bin/true", ["/bin/true"], (0,)),
        ("faultline --version", [tool, "--version"], (0,)),
        ("faultline print", [tool, "print", model], (0,)),
        ("faultline ldfi", [tool, "ldfi"] + search, (1,)),
        ("faultline-cxx ldfi", [cxx, "ldfi"] + search, (1,)),
    ]

    def run(cmd, ok):
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode not in ok:
            sys.stderr.write("startup_bench: %s exited %d\n%s" %
                             (" ".join(cmd), done.returncode, done.stderr.decode()))
            sys.exit(1)

    for _, cmd, ok in rows:  # warm the page cache
        run(cmd, ok)
    samples = {name: [] for name, _, _ in rows}
    for _ in range(a.reps):
        for name, cmd, ok in rows:
            samples[name].append(timed(lambda: run(cmd, ok)) * 1000)

    base = statistics.median(samples["/bin/true"])
    table = []
    for name, _, _ in rows:
        s = samples[name]
        med = statistics.median(s)
        table.append({"command": name, "median_ms": med, "min_ms": min(s), "max_ms": max(s),
                      "ratio_to_true": med / base})
    ldfi = next(r for r in table if r["command"] == "faultline ldfi")
    if a.json:
        print(json.dumps({"reps": a.reps, "goal_ms": GOAL_MS, "rows": table}, indent=2))
        return
    print("%-22s %10s %10s %10s %8s" % ("command", "median", "min", "max", "x true"))
    for r in table:
        print("%-22s %7.1f ms %7.1f ms %7.1f ms %7.1fx" %
              (r["command"], r["median_ms"], r["min_ms"], r["max_ms"], r["ratio_to_true"]))
    print("faultline ldfi: %.1f ms (goal < %.0f ms: %s), %.1f ms above /bin/true; "
          "faultline-cxx ldfi / faultline ldfi = %.2fx" %
          (ldfi["median_ms"], GOAL_MS, "met" if ldfi["median_ms"] < GOAL_MS else "not met",
           ldfi["median_ms"] - base,
           table[-1]["median_ms"] / ldfi["median_ms"]))


if __name__ == "__main__":
    main()
