#!/usr/bin/env python3
"""faultline review of a one-handler change against a full check.

The project: examples/ (every protocol and every version of the
replication case study; the 18 translation units build/compile_commands.json
compiles there) committed to a scratch git repository, with the database's
commands moved onto it. The change: one line of one handler
(replication v3's Replica::onWrite numbers with `seq + 2`), committed on top.

- Baseline: `faultline check -p BUILD` of the changed revision, with a warm
  extraction cache and no verdicts kept: every scenario searched.
- Review: `faultline review --base HEAD~1 --head HEAD -p BUILD` as CI runs it
  after the base was reviewed: the extraction cache and the verdict store
  are what reviewing the base left (restored before each run), so the
  changed translation unit is parsed, the unchanged scenarios' verdicts are
  carried and the changed scenario is searched in head.

Median of --reps runs of each, interleaved; the goal is review <= 0.2x check.

  bench/review_bench.py [--build build] [--reps 3] [--json]
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
from compile_db import clang_command

CHANGED_FILE = "examples/replication/v3/replication.h"
CHANGE = ("nextSeq = seq + 1;", "nextSeq = seq + 2;")


def run(cmd, cwd, ok=(0, 1)):
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in ok:
        sys.stderr.write("review_bench: failed (%d): %s\n%s" %
                         (done.returncode, " ".join(cmd), done.stderr.decode()[-2000:]))
        sys.exit(1)
    return done.stderr.decode()


def git(repo, *args):
    run(["git", "-C", repo, "-c", "user.name=bench", "-c", "user.email=bench@example.com",
         *args], repo, ok=(0,))


def make_project(root, build, repo):
    """The scratch repository and its build folder's database; the changed TU count."""
    shutil.copytree(os.path.join(root, "examples"), os.path.join(repo, "examples"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = [e for e in json.load(f) if "/examples/" in e["file"]]
    prefix = os.path.join(root, "examples") + "/"
    moved = prefix.replace(root, repo, 1)
    db = [{"directory": os.path.join(repo, "build"),
           "file": e["file"].replace(prefix, moved),
           "arguments": [a.replace(prefix, moved) for a in clang_command(e)] + ["-c"]}
          for e in entries]
    os.makedirs(os.path.join(repo, "build"))
    with open(os.path.join(repo, "build", "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    path = os.path.join(repo, CHANGED_FILE)
    with open(path) as f:
        text = f.read()
    if CHANGE[0] not in text:
        sys.exit("review_bench: %s no longer has '%s': update CHANGE" % (CHANGED_FILE, CHANGE[0]))
    with open(path, "w") as f:
        f.write(text.replace(CHANGE[0], CHANGE[1], 1))
    git(repo, "commit", "-qam", "one handler changed")
    return len(db)


def main():
    a = bench_args.parser(__doc__, reps=3).parse_args()
    root = bench_args.ROOT
    tool = os.path.join(bench_args.build_dir(a), "faultline")
    scratch = tempfile.mkdtemp(prefix="faultline-review-bench-")
    try:
        repo = os.path.join(scratch, "repo")
        units = make_project(root, os.path.join(root, a.build), repo)
        build = os.path.join(repo, "build")
        cache = os.path.join(build, ".faultline-cache")
        snapshot = os.path.join(scratch, "cache-after-base-review")
        # CI's state: the base was reviewed (its scenarios searched and
        # stored, its TUs in the extraction cache).
        run([tool, "review", "--base", "HEAD~1", "--head", "HEAD~1", "-p", build], repo)
        shutil.copytree(cache, snapshot)
        run([tool, "check", "-p", build], repo)  # check's warm cache

        def review():
            shutil.rmtree(cache)
            shutil.copytree(snapshot, cache)
            return timed(lambda: run([tool, "review", "--base", "HEAD~1", "--head", "HEAD",
                                      "-p", build], repo))

        def check():
            # check keeps verdicts too: without them, it searches every
            # scenario, as the baseline means.
            shutil.rmtree(os.path.join(cache, "verdicts"), ignore_errors=True)
            return timed(lambda: run([tool, "check", "-p", build], repo))

        samples = {"check": [], "review": []}
        for _ in range(a.reps):
            samples["check"].append(check())
            samples["review"].append(review())
        summary = run([tool, "review", "--base", "HEAD~1", "--head", "HEAD", "-p", build],
                      repo).strip().splitlines()[-1]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in samples.items()}
    result = {"translation_units": units, "change": CHANGED_FILE, "seconds": med,
              "review_vs_check": med["review"] / med["check"], "review_summary": summary}
    if a.json:
        print(json.dumps(result, indent=2))
        return 0
    print("examples/ as a git project: %d TUs; the change: one line of one handler (%s)"
          % (units, CHANGED_FILE))
    print("median of %d runs" % a.reps)
    print("%-52s %10s %10s" % ("", "seconds", "vs check"))
    print("%-52s %10.2f %10s" % ("faultline check -p, warm cache (baseline)", med["check"],
                                 "1.00x"))
    print("%-52s %10.2f %9.2fx" % ("faultline review --base HEAD~1 --head HEAD",
                                   med["review"], result["review_vs_check"]))
    print("(review: %s)" % summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
