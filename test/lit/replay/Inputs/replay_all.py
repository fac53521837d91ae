#!/usr/bin/env python3
"""Usage: replay_all.py REPLAY_BINARY SCHEDULE_DIR EXPECTED_COUNT

Replays every fault schedule in SCHEDULE_DIR (as `faultline check
--emit-schedules` wrote them) against the compiled protocol, and succeeds
iff there are EXPECTED_COUNT of them and each one makes the replay exit
with 1 and fail exactly the invariants faultline reported for it, without
warnings that the simulation departed from the model."""
import glob
import json
import os
import subprocess
import sys

replay, folder, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(os.path.join(folder, "*.json")))
if len(files) != expected:
    sys.exit("replay_all: %d schedules in %s, expected %d" % (len(files), folder, expected))
failed = False
for path in files:
    with open(path) as f:
        reported = sorted(json.load(f)["violated"])
    p = subprocess.run([replay, "--schedule", path, "--format", "json"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    name = os.path.basename(path)
    if p.returncode != 1:
        print("%s: the replay exited with %d, not 1\n%s" % (name, p.returncode, p.stderr))
        failed = True
        continue
    run = json.loads(p.stdout)
    if sorted(run["violated"]) != reported:
        print("%s: faultline reported %s, the compiled code violates %s" %
              (name, reported, sorted(run["violated"])))
        failed = True
    if run["warnings"] or p.stderr:
        print("%s: the replay warns: %s" % (name, p.stderr))
        failed = True
    if not failed:
        print("%s: the compiled code violates %s, as reported" % (name, ", ".join(reported)))
sys.exit(1 if failed else 0)
