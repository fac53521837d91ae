"""What every bench/*_bench.py takes and needs: --build, --reps and --json,
where the repository and the build are, and a wall-clock timer.

bench/run runs the scripts as <build>/../bench/<name>.py from the
repository's root; FAULTLINE_BUILD_DIR names another build, as for bench/run.
"""
import argparse
import os
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parser(doc, reps):
    """An argument parser with the common options; doc's first line describes it."""
    p = argparse.ArgumentParser(description=doc.strip().splitlines()[0] if doc else None)
    p.add_argument("--build", default=os.environ.get("FAULTLINE_BUILD_DIR", "build"))
    p.add_argument("--reps", type=int, default=reps)
    p.add_argument("--json", action="store_true")
    return p


def build_dir(args):
    """The build folder, absolute (--build is relative to the repository)."""
    return os.path.join(ROOT, args.build)


def timed(fn):
    """Seconds fn() takes, by the wall clock."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
