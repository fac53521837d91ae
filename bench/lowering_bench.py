#!/usr/bin/env python3
"""Size and cost of the frontend's lowering on handlers with many paths.

For generated handlers of K independent conditional assignments (K = 4, 8,
12, 16: 2^K paths; test/lit/frontend/Inputs/independent_ifs.py) and a
Raft-style vote handler (test/lit/frontend/join-vote-handler.cpp), reports
the rules of the extracted model, `faultline extract --no-cache` wall time
and peak memory, and the same file's `clang++-19 -fsyntax-only` parse time as
the baseline measured in the same run (median of --reps runs each,
interleaved). The ratio extract/parse is the lowering's overhead over
parsing; rules must grow linearly with K.

  bench/lowering_bench.py [--build build] [--reps 5] [--json]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import bench_args

CLANG = "/usr/lib/llvm-19/bin/clang++"


def run(cmd):
    """Wall seconds and stdout of cmd, which must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write("lowering_bench: failed: %s\n%s" % (" ".join(cmd), done.stderr.decode()))
        sys.exit(1)
    return elapsed, done.stdout.decode()


def peak_rss_mib(cmd):
    """Peak resident memory of one run of cmd, from the kernel's rusage."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        sys.stderr.write("lowering_bench: failed: %s\n" % " ".join(cmd))
        sys.exit(1)
    return usage.ru_maxrss / 1024.0


def main():
    a = bench_args.parser(__doc__, reps=5).parse_args()
    root = bench_args.ROOT
    tool = os.path.join(bench_args.build_dir(a), "faultline")
    flags = ["-std=c++17", "-I" + os.path.join(root, "annotations")]
    inputs = os.path.join(root, "test", "lit", "frontend")
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in (4, 8, 12, 16):
            path = os.path.join(tmp, "ifs%d.cpp" % k)
            with open(path, "w") as f:
                subprocess.run([sys.executable, os.path.join(inputs, "Inputs", "independent_ifs.py"),
                                str(k)], stdout=f, check=True)
            cases.append(("%d independent ifs" % k, path, flags))
        cases.append(("vote handler (helper inlined twice)",
                      os.path.join(inputs, "join-vote-handler.cpp"),
                      flags + ["-I" + inputs]))
        rows = []
        for name, path, cxxflags in cases:
            extract = [tool, "extract", "--no-cache", path, "--"] + cxxflags
            parse = [CLANG, "-fsyntax-only", path] + cxxflags
            ext, par = [], []
            model = ""
            for _ in range(a.reps):
                t, model = run(extract)
                ext.append(t)
                par.append(run(parse)[0])
            rules = sum(1 for line in model.splitlines()
                        if ":-" in line and not line.startswith("//"))
            rows.append({"handler": name, "rules": rules,
                         "extract_s": statistics.median(ext), "parse_s": statistics.median(par),
                         "extract_rss_mib": peak_rss_mib(extract)})
    for r in rows:
        r["ratio"] = r["extract_s"] / r["parse_s"]
    if a.json:
        print(json.dumps({"rows": rows}, indent=2))
        return 0
    print("%-38s %6s %12s %10s %8s %9s" % ("handler", "rules", "extract (s)", "parse (s)",
                                          "ratio", "RSS (MiB)"))
    for r in rows:
        print("%-38s %6d %12.3f %10.3f %8.2f %9.0f" % (r["handler"], r["rules"], r["extract_s"],
                                                      r["parse_s"], r["ratio"],
                                                      r["extract_rss_mib"]))
    print("(median of %d runs each; parse is clang++-19 -fsyntax-only on the same file)" % a.reps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
