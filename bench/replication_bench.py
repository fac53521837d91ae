#!/usr/bin/env python3
"""Runs and time to verdict on the replication case study, per version.

For each scenario of examples/replication/v1..v6 (docs/case-study.md), the
model is extracted once (`faultline extract -p build --scenario NAME`), then
searched with each strategy of `faultline ldfi`, and with LDFI alone
(`--portfolio=false`, without the exhaustive walk it interleaves by
default), the repetitions taking turns (a deterministic search that takes over 5 s is
measured once): LDFI and exhaustive search
are deterministic (their run counts never vary, only their time: the median
of --reps timings), random search uses seeds 1..reps (the median of the runs
and of the times). Random and exhaustive search are capped at --max-runs
executions; a capped search is reported as ">N".

The bench doubles as a check: it exits 1 if a strategy's verdict contradicts
LDFI's (an uncapped exhaustive search is the ground truth). The last two
columns say whether LDFI loses to brute force (issue 24): more time than
exhaustive search where it ran fewer scenarios, or, on a counterexample
row, more runs than random search's median.

  bench/replication_bench.py [--build build] [--reps 3] [--max-runs 5000] [--json]
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

import bench_args

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
VERSIONS = ["v1", "v2", "v3", "v4", "v5", "v6"]
STRATEGIES = ("ldfi", "random", "exhaustive", "ldfi_alone")


def run(cmd):
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write("replication_bench: failed: %s\n%s" % (" ".join(cmd), done.stderr))
        sys.exit(1)
    return done.stdout


def scenarios(tool, build, version):
    """The scenario names and `faultline ldfi` bounds of one version."""
    source = "examples/replication/%s/replication.cpp" % version
    found = []
    name = None
    while True:
        args = [tool, "extract", "-p", build, source]
        if name:
            args += ["--scenario", name]
        text = run(args)
        first = re.search(r"scenario '([^']+)'", text).group(1)
        more = re.findall(r"\(more scenarios:.*\)", text)
        bounds = re.search(r"run with: (.*)", text).group(1).split()
        found.append((first, bounds, text))
        if name or not more:
            break
        # List the rest from the source: each FL_SCENARIO function.
        with open(os.path.join(ROOT, source)) as f:
            names = re.findall(r"FL_SCENARIO void (\w+)", f.read())
        for other in names:
            if other != first:
                found.append((other, None, None))
        break
    out = []
    for scenario, bounds, text in found:
        if text is None:
            text = run([tool, "extract", "-p", build, source, "--scenario", scenario])
            bounds = re.search(r"run with: (.*)", text).group(1).split()
        out.append((scenario, bounds, text))
    return out


def search(tool, model, bounds, strategy, seed, max_runs):
    alone = strategy == "ldfi_alone"
    if alone:
        strategy = "ldfi"
    args = [tool, "ldfi", model, "--format", "json", "--strategy", strategy] + bounds
    if alone:
        args += ["--portfolio=false"]
    if strategy != "ldfi":
        args += ["--max-runs", str(max_runs)]
    if strategy == "random":
        args += ["--seed", str(seed)]
    result = json.loads(run(args))
    capped = result["verdict"] != "counterexample" and result["runs"] >= max_runs and strategy != "ldfi"
    return result["verdict"], result["runs"], result["seconds"], capped, result["fault_space"]


def score(row):
    """Whether LDFI loses to brute force on the row: "ok", "LOSES" or "-"
    (does not apply), against exhaustive and against random search."""
    ldfi, exh, rnd = row["ldfi"], row["exhaustive"], row["random"]
    vs_exh = "-"
    if exh["capped"] or ldfi["runs"] < exh["runs"]:
        vs_exh = "ok" if ldfi["seconds"] <= exh["seconds"] else "LOSES"
    vs_random = "-"
    if ldfi["verdict"] == "counterexample":
        # A random search capped before its counterexample ran more.
        vs_random = "ok" if rnd["capped"] or ldfi["runs"] <= rnd["runs"] else "LOSES"
    return vs_exh, vs_random


def main():
    p = bench_args.parser(__doc__, reps=3)
    p.add_argument("--max-runs", type=int, default=5000)
    a = p.parse_args()
    tool = os.path.join(a.build, "faultline")
    rows = []
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for version in VERSIONS:
            for scenario, bounds, text in scenarios(tool, a.build, version):
                model = os.path.join(tmp, "%s-%s.ded" % (version, scenario))
                with open(model, "w") as f:
                    f.write(text)
                row = {"version": version, "scenario": scenario, "bounds": " ".join(bounds)}
                runs = {strategy: [] for strategy in STRATEGIES}
                for seed in range(1, a.reps + 1):
                    for strategy in STRATEGIES:
                        # A deterministic search that took over 5 s is
                        # measured once (LDFI alone certifies v6's
                        # twoCrashes in minutes).
                        if strategy != "random" and runs[strategy] and runs[strategy][0][2] > 5:
                            continue
                        runs[strategy].append(search(tool, model, bounds, strategy, seed, a.max_runs))
                for strategy in STRATEGIES:
                    samples = runs[strategy]
                    verdicts = {s[0] for s in samples}
                    row["fault_space"] = samples[0][4]
                    row[strategy] = {
                        "verdict": "/".join(sorted(verdicts)),
                        "runs": statistics.median(s[1] for s in samples),
                        "seconds": statistics.median(s[2] for s in samples),
                        "capped": any(s[3] for s in samples),
                    }
                truth = row["exhaustive"]
                for ldfi in ("ldfi", "ldfi_alone"):
                    if not truth["capped"] and truth["verdict"] != row[ldfi]["verdict"]:
                        sys.stderr.write("replication_bench: %s %s: %s says %s, exhaustive %s\n" %
                                         (version, scenario, ldfi, row[ldfi]["verdict"],
                                          truth["verdict"]))
                        ok = False
                row["vs_exhaustive"], row["vs_random"] = score(row)
                rows.append(row)
    if a.json:
        print(json.dumps({"rows": rows}, indent=2))
    else:
        print("%-3s %-13s %-26s %8s | %-15s %14s | %14s | %14s | %14s | %-7s %-7s" %
              ("ver", "scenario", "bounds", "space", "verdict", "ldfi", "random", "exhaust.",
               "ldfi alone", "vs exh.", "vs rand."))
        for r in rows:
            def cell(s):
                runs = (">%d" % a.max_runs) if s["capped"] else "%g" % s["runs"]
                return "%6s %6.2fs" % (runs, s["seconds"])
            print("%-3s %-13s %-26s %8s | %-15s %s | %s | %s | %s | %-7s %-7s" %
                  (r["version"], r["scenario"], r["bounds"], r["fault_space"],
                   r["ldfi"]["verdict"], cell(r["ldfi"]), cell(r["random"]), cell(r["exhaustive"]),
                   cell(r["ldfi_alone"]), r["vs_exhaustive"], r["vs_random"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
