#!/usr/bin/env python3
"""Usage: expect_exit.py CODE COMMAND...  Runs COMMAND, passing its output
through, and succeeds iff it exited with CODE (lit's `not` only tells zero
from non-zero; faultline's exit codes 1, 2 and 3 mean different things)."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expect_exit: wanted exit code %d, got %d\n" % (want, got))
    sys.exit(1)
