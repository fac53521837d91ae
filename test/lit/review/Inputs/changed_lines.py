"""Checks where `faultline review` puts introduced findings, commit by commit
of the replication case study (docs/review_example.py builds the repository):

    changed_lines.py FAULTLINE

For each commit vN, runs `review --base vN-1 --head vN --format rdjson` and
reads `git diff -U0 vN-1 vN`. Prints, per introduced or changed finding, its
primary location and whether reviewdog's default filter (-filter-mode=added:
a diagnostic is kept when its line is among the diff's added lines of its
file) keeps it."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))))
sys.path.insert(0, os.path.join(ROOT, "docs"))
import review_example  # noqa: E402


def added_lines(repo, base, head):
    """{path: set of line numbers} of the new side of `git diff -U0`."""
    diff = subprocess.run(["git", "-C", repo, "diff", "-U0", "--no-color", base, head],
                          check=True, capture_output=True, text=True).stdout
    added, path = {}, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
        elif line.startswith("@@") and path:
            m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
            start, count = int(m.group(1)), int(m.group(2) or 1)
            added.setdefault(path, set()).update(range(start, start + count))
    return added


def main():
    faultline = os.path.abspath(sys.argv[1])
    with review_example.scratch_repository("faultline-changed-lines-") as repo:
        for n in range(2, 6):
            base, head = "v%d" % (n - 1), "v%d" % n
            run = subprocess.run([faultline, "review", "--base", base, "--head", head, "-p",
                                  "build", "--format", "rdjson"], cwd=repo,
                                 capture_output=True, text=True)
            if run.returncode not in (0, 1):
                sys.exit(run.stderr)
            added = added_lines(repo, base, head)
            for d in json.loads(run.stdout)["diagnostics"]:
                if d["message"].startswith("still present"):
                    continue
                loc = d["location"]
                line = loc["range"]["start"]["line"]
                kept = line in added.get(loc["path"], set())
                print("%s: %s at %s:%d, kept by -filter-mode=added: %s"
                      % (head, d["message"].split(":")[0], loc["path"], line,
                         "yes" if kept else "no"))


if __name__ == "__main__":
    main()
