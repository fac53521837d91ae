#!/usr/bin/env python3
"""What one LDFI run costs against a plain evaluation (issue 24 item 1).

For each model and bounds, `faultline ldfi --format json` runs LDFI and an
exhaustive search (which only evaluates), each --reps times, the builds
interleaved (before, after, before, after, ...) so that both see the same
load. Per build it prints the medians of LDFI's milliseconds per run and of
exhaustive search's milliseconds per run (a plain evaluation, with the
search's bookkeeping), and their ratio; a build whose JSON has the phase
times (eval_seconds, lineage_seconds, solver_seconds) gets them per run
too. It exits 1 if the two builds' LDFI verdicts or run counts differ:
the change this measures must not change them.

  bench/run_cost_bench.py --after build/faultline [--before OTHER/faultline]
                          [--reps 5] [--max-runs 5000] MODEL.ded:BOUNDS ...

BOUNDS is the ldfi options with commas for spaces, `--eot,16,--eff,0,...`;
with no MODEL, the replication case study's scenarios (extracted with
`faultline extract -p --build`) and the crash-only search rows.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
MODELS = os.path.join(ROOT, "test", "models")
# Crash-only rows of the search bench (EFF 0): LDFI's weakest spaces.
CRASH_ROWS = [
    ("commit/2pc_timeout.ded", "--eot 6 --eff 0 --nodes C,a,b,d --crashes 2"),
    ("commit/3pc.ded", "--eot 8 --eff 0 --nodes C,a,b,d --crashes 2"),
    ("detector/told.ded", "--eot 6 --eff 0 --nodes m,a,b --crashes 2"),
]


def run(cmd):
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit("run_cost_bench: failed: %s\n%s" % (" ".join(cmd), done.stderr))
    return done.stdout


def case_study(tool, build, tmp):
    """(name, model path, bounds) of each replication scenario."""
    out = []
    for version in ["v1", "v2", "v3", "v4", "v5"]:
        source = os.path.join(ROOT, "examples", "replication", version, "replication.cpp")
        with open(source) as f:
            names = re.findall(r"FL_SCENARIO void (\w+)", f.read())
        for name in names:
            text = run([tool, "extract", "-p", build, source, "--scenario", name])
            model = os.path.join(tmp, "%s-%s.ded" % (version, name))
            with open(model, "w") as f:
                f.write(text)
            bounds = re.search(r"run with: (.*)", text).group(1).split()
            out.append(("%s %s" % (version, name), model, bounds))
    return out


def search(tool, model, bounds, strategy, max_runs):
    args = [tool, "ldfi", model, "--format", "json", "--strategy", strategy] + bounds
    if strategy != "ldfi":
        args += ["--max-runs", str(max_runs)]
    return json.loads(run(args))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--after", required=True, help="the faultline binary measured")
    p.add_argument("--before", help="a faultline binary to compare with")
    p.add_argument("--build", default=os.path.join(ROOT, "build"),
                   help="the build folder with compile_commands.json, for the case study")
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--max-runs", type=int, default=5000)
    p.add_argument("rows", nargs="*")
    a = p.parse_args()
    tools = [("before", a.before)] if a.before else []
    tools.append(("after", a.after))
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if a.rows:
            rows = [(r.split(":")[0], r.split(":")[0], r.split(":")[1].split(",")) for r in a.rows]
        else:
            rows = case_study(a.after, a.build, tmp)
            rows += [(m + " " + b.replace("--", "").replace(" ", ""), os.path.join(MODELS, m),
                      b.split()) for m, b in CRASH_ROWS]
        print("%-34s %-6s %5s %9s %9s %7s  %s" % ("row", "build", "runs", "ldfi/run",
                                                 "eval/run", "ratio", "phases per LDFI run"))
        for name, model, bounds in rows:
            samples = {label: [] for label, _ in tools}
            for _ in range(a.reps):
                for label, tool in tools:
                    ldfi = search(tool, model, bounds, "ldfi", a.max_runs)
                    exh = search(tool, model, bounds, "exhaustive", a.max_runs)
                    samples[label].append((ldfi, exh))
            verdicts = set()
            for label, _ in tools:
                s = samples[label]
                runs = {x[0]["runs"] for x in s}
                verdicts.add((s[0][0]["verdict"], tuple(sorted(runs))))
                ldfi_ms = statistics.median(1000 * x[0]["seconds"] / x[0]["runs"] for x in s)
                eval_ms = statistics.median(1000 * x[1]["seconds"] / x[1]["runs"] for x in s)
                phases = ""
                if "eval_seconds" in s[0][0]:
                    phases = "eval %.2f, lineage %.2f, solver %.2f ms" % tuple(
                        statistics.median(1000 * x[0][k] / x[0]["runs"] for x in s)
                        for k in ("eval_seconds", "lineage_seconds", "solver_seconds"))
                print("%-34s %-6s %5s %8.2fms %8.2fms %6.1fx  %s" % (
                    name, label, "/".join(str(r) for r in sorted(runs)), ldfi_ms, eval_ms,
                    ldfi_ms / eval_ms, phases))
                sys.stdout.flush()
            if len(verdicts) != 1:
                print("  MISMATCH: the builds' LDFI verdicts or runs differ: %s" % sorted(verdicts))
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
