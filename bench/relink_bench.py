#!/usr/bin/env python3
"""A relink of a faultline_check() target after a change that leaves the
protocol's models alone, with the verdict cache against without.

A scratch CMake project builds replication v5 (examples/replication/v5:
replication.cpp and transport.cpp, the send stub; docs/case-study.md) as a
library with faultline_check(WARN_ONLY). Each sample appends a comment to
transport.cpp, which recompiles that TU and relinks the library, whose
post-build step checks both scenarios (primaryCrash certified, twoCrashes a
counterexample):

- cold: the verdict cache removed first, so both scenarios are searched
  (what every relink cost before check kept verdicts);
- warm: the verdicts the previous build left, so nothing is searched.

Median of --reps samples of each, interleaved; the time is the whole
`cmake --build` (compile, archive, check). Needs the plugin
(faultline-plugin.so) and clang++-19.

  bench/relink_bench.py [--build build] [--reps 5] [--json]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import bench_args
from bench_args import timed

PROJECT = """cmake_minimum_required(VERSION 3.20)
project(relink_bench LANGUAGES CXX)
include({cmake}/FaultlineCheck.cmake)
add_library(replication_v5 STATIC {src}/replication.cpp {src}/transport.cpp)
target_include_directories(replication_v5 PRIVATE {annotations})
target_compile_features(replication_v5 PRIVATE cxx_std_17)
faultline_check(replication_v5 WARN_ONLY)
"""


def run(cmd, cwd=None):
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.stderr.write("relink_bench: failed (%d): %s\n%s" %
                         (done.returncode, " ".join(cmd), done.stdout.decode()[-2000:]))
        sys.exit(1)
    return done.stdout.decode()


def main():
    p = bench_args.parser(__doc__, reps=5)
    a = p.parse_args()
    root = bench_args.ROOT
    build = bench_args.build_dir(a)
    plugin = os.path.join(build, "faultline-plugin.so")
    if not os.path.exists(plugin):
        sys.stderr.write("relink_bench: no %s (a sanitizer build has none)\n" % plugin)
        return 1
    scratch = tempfile.mkdtemp(prefix="faultline-relink-")
    try:
        src = os.path.join(scratch, "v5")
        shutil.copytree(os.path.join(root, "examples", "replication", "v5"), src)
        shutil.copytree(os.path.join(root, "examples", "replication", "common"),
                        os.path.join(scratch, "common"))
        project = os.path.join(scratch, "project")
        os.makedirs(project)
        with open(os.path.join(project, "CMakeLists.txt"), "w") as f:
            f.write(PROJECT.format(cmake=os.path.join(root, "cmake"), src=src,
                                   annotations=os.path.join(root, "annotations")))
        out = os.path.join(scratch, "build")
        run(["cmake", "-S", project, "-B", out, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
             "-DCMAKE_CXX_COMPILER=clang++-19", "-DFAULTLINE_PLUGIN=" + plugin,
             "-DFAULTLINE_EXECUTABLE=" + os.path.join(build, "faultline")])
        run(["cmake", "--build", out])  # the first build: the extractions
        verdicts = os.path.join(out, "CMakeFiles", "replication_v5.dir", "faultline",
                                ".faultline-cache", "verdicts")
        stub = os.path.join(src, "transport.cpp")
        logs = {}

        def relink(cold):
            def go():
                with open(stub, "a") as f:
                    f.write("// touched\n")
                logs["cold" if cold else "warm"] = run(["cmake", "--build", out])
            if cold:
                shutil.rmtree(verdicts, ignore_errors=True)
            return timed(go)

        samples = {"cold": [], "warm": []}
        for _ in range(a.reps):
            samples["cold"].append(relink(True))
            samples["warm"].append(relink(False))
        if logs["warm"].count("[cached verdict, not searched]") != 2:
            sys.stderr.write("relink_bench: the warm relink searched:\n" + logs["warm"])
            return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in samples.items()}
    result = {"seconds": med, "samples": samples, "warm_vs_cold": med["warm"] / med["cold"]}
    if a.json:
        print(json.dumps(result))
        return 0
    print("relink of replication v5 with faultline_check() after a change to transport.cpp")
    print("median of %d runs" % a.reps)
    print("%-52s %10s %10s" % ("", "seconds", "vs cold"))
    print("%-52s %10.2f %10s" % ("verdict cache removed (both scenarios searched)",
                                 med["cold"], "1.00x"))
    print("%-52s %10.2f %9.2fx" % ("verdicts kept (nothing searched)", med["warm"],
                                    result["warm_vs_cold"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
