#!/usr/bin/env python3
"""Extraction time of the C++ frontend against clang's own parse.

For each example of examples/ (its translation units in
build/compile_commands.json), times `faultline extract -p build <its TUs>`
against `clang++-19 -fsyntax-only` on each TU with the same compile command,
median of --reps runs each, interleaved. The ratio
extract/parse is faultline's overhead over parsing (the goal is < 1.2x).

  bench/extract_bench.py [--build build] [--reps 5] [--json]
"""
import json
import os
import statistics
import subprocess
import sys
import time

import bench_args
from compile_db import clang_command


def timed(cmd, cwd):
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0,):
        sys.stderr.write("extract_bench: failed: %s\n%s" % (" ".join(cmd), done.stderr.decode()))
        sys.exit(1)
    return elapsed


def syntax_only(entry):
    return clang_command(entry) + ["-fsyntax-only"]


def main():
    a = bench_args.parser(__doc__, reps=5).parse_args()
    root = bench_args.ROOT
    build = bench_args.build_dir(a)
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = [e for e in json.load(f) if "/examples/" in e["file"]]
    if not entries:
        sys.stderr.write("extract_bench: no examples/ translation units in the database\n")
        return 1
    tool = os.path.join(build, "faultline")
    # One example at a time: extract reads all of its translation units at
    # once (the protocol and its scenarios), clang parses each.
    examples = {}
    for e in entries:
        examples.setdefault(os.path.dirname(e["file"]), []).append(e)
    rows = []
    for folder, tus in sorted(examples.items()):
        ext, parse = [], []
        for _ in range(a.reps):
            ext.append(timed([tool, "extract", "--no-cache", "-p", build] + [e["file"] for e in tus], root))
            parse.append(sum(timed(syntax_only(e), e["directory"]) for e in tus))
        rows.append({"file": os.path.relpath(folder, root) + " (%d TUs)" % len(tus),
                     "extract_s": statistics.median(ext),
                     "parse_s": statistics.median(parse)})
    for r in rows:
        r["ratio"] = r["extract_s"] / r["parse_s"]
    total = sum(r["extract_s"] for r in rows) / sum(r["parse_s"] for r in rows)
    if a.json:
        print(json.dumps({"rows": rows, "overall_ratio": total}, indent=2))
        return 0
    print("%-48s %12s %12s %8s" % ("example", "extract (s)", "parse (s)", "ratio"))
    for r in rows:
        print("%-48s %12.3f %12.3f %8.2f" % (r["file"], r["extract_s"], r["parse_s"], r["ratio"]))
    print("overall extract/parse: %.2fx (median of %d runs each)" % (total, a.reps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
