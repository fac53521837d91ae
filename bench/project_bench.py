#!/usr/bin/env python3
"""faultline on a whole compilation database, and as a plugin in a build.

1. Whole database: `faultline extract -p build` and `faultline check -p
   build` (every TU of this repository's build: libraries, unit tests,
   examples), with an empty cache (cold) and again with the cache it left
   (warm), against `clang++-19 -fsyntax-only` on the same TUs with the same
   compile commands and the same parallelism (-j, default: the core count).
   extract is the frontend's part (the goals: cold <= 1.3x, warm <= 0.1x the
   parse); check adds the searches of every scenario (its kept verdicts
   are removed before each run: relink_bench.py measures them).
2. Plugin: compiling every TU of examples/ (clang++-19 -c, the database's
   flags) with -fplugin=faultline-plugin.so against without, same
   parallelism (the goal: under 5% overhead).

Median of --reps runs of each, interleaved.

  bench/project_bench.py [--build build] [--reps 3] [--jobs N] [--json]
"""
import concurrent.futures
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import bench_args
from bench_args import timed
from compile_db import clang_command


def run(cmd, cwd, ok=(0,)):
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in ok:
        sys.stderr.write("project_bench: failed (%d): %s\n%s" %
                         (done.returncode, " ".join(cmd), done.stderr.decode()[-2000:]))
        sys.exit(1)


def parallel(jobs, commands):
    """Runs (cmd, cwd) pairs, jobs at a time."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for f in [pool.submit(run, cmd, cwd) for cmd, cwd in commands]:
            f.result()


def main():
    p = bench_args.parser(__doc__, reps=3)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = p.parse_args()
    root = bench_args.ROOT
    build = bench_args.build_dir(a)
    tool = os.path.join(build, "faultline")
    plugin = os.path.join(build, "faultline-plugin.so")
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    cache = os.path.join(build, ".faultline-cache")
    jobs = ["-j", str(a.jobs)]

    def frontend(command, cold):
        def go():
            if cold:
                shutil.rmtree(cache, ignore_errors=True)
            # The extraction cache only: check's kept verdicts would skip
            # the searches (relink_bench.py measures that).
            shutil.rmtree(os.path.join(cache, "verdicts"), ignore_errors=True)
            run([tool, command, "-p", build] + jobs, root, ok=(0, 1))
        return go

    parse_cmds = [(clang_command(e) + ["-fsyntax-only"], e["directory"]) for e in entries]
    scratch = tempfile.mkdtemp(prefix="faultline-bench-")
    examples = [e for e in entries if "/examples/" in e["file"]]

    def build_examples(with_plugin):
        cmds = []
        for i, e in enumerate(examples):
            cmd = clang_command(e) + ["-c", "-o", os.path.join(scratch, "%d.o" % i)]
            if with_plugin:
                cmd.append("-fplugin=" + plugin)
            cmds.append((cmd, e["directory"]))
        return lambda: parallel(a.jobs, cmds)

    samples = {k: [] for k in ("parse", "extract_cold", "extract_warm", "check_cold",
                               "check_warm", "build", "build_plugin")}
    for _ in range(a.reps):
        samples["parse"].append(timed(lambda: parallel(a.jobs, parse_cmds)))
        samples["extract_cold"].append(timed(frontend("extract", True)))
        samples["extract_warm"].append(timed(frontend("extract", False)))
        samples["check_cold"].append(timed(frontend("check", True)))
        samples["check_warm"].append(timed(frontend("check", False)))
        if os.path.exists(plugin):
            samples["build"].append(timed(build_examples(False)))
            samples["build_plugin"].append(timed(build_examples(True)))
    shutil.rmtree(scratch, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in samples.items() if v}
    result = {
        "translation_units": len(entries),
        "example_units": len(examples),
        "jobs": a.jobs,
        "seconds": med,
        "extract_cold_vs_parse": med["extract_cold"] / med["parse"],
        "extract_warm_vs_parse": med["extract_warm"] / med["parse"],
        "check_cold_vs_parse": med["check_cold"] / med["parse"],
        "check_warm_vs_parse": med["check_warm"] / med["parse"],
    }
    if "build" in med:
        result["plugin_overhead"] = med["build_plugin"] / med["build"] - 1
    if a.json:
        print(json.dumps(result, indent=2))
        return 0
    print("whole database: %d TUs, -j %d, median of %d runs" % (len(entries), a.jobs, a.reps))
    print("%-44s %10s %10s" % ("", "seconds", "vs parse"))
    print("%-44s %10.2f %10s" % ("clang++-19 -fsyntax-only (baseline)", med["parse"], "1.00x"))
    for k, label in (("extract_cold", "faultline extract, cold cache"),
                     ("extract_warm", "faultline extract, warm cache"),
                     ("check_cold", "faultline check, cold cache"),
                     ("check_warm", "faultline check, warm cache")):
        print("%-44s %10.2f %9.2fx" % (label, med[k], med[k] / med["parse"]))
    if "build" in med:
        print()
        print("examples/ (%d TUs) compiled by clang++-19 -c, -j %d" % (len(examples), a.jobs))
        print("%-44s %10.2f" % ("without the plugin", med["build"]))
        print("%-44s %10.2f %+9.1f%%" % ("with -fplugin=faultline-plugin.so", med["build_plugin"],
                                          100 * result["plugin_overhead"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
