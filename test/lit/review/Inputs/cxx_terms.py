"""Checks that `faultline review` tells a finding in C++ terms in every
format (issue 25 item 3), on the replication case study's v2 -> v3
(docs/review_example.py builds the repository), where one run breaks
`durability` and `agreement` at two different invariant lines:

    cxx_terms.py FAULTLINE

Prints one line per check: each broken invariant instance of the SARIF
thread flows and of the JSON findings sits at its own invariant's line (the
line of `FL_INVARIANT ... bool NAME(` in the head revision), and no text of
the SARIF, rdjson, JSON or Markdown output shows a Dedalus tuple
(`pre("...`, `post("...`)."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))))
sys.path.insert(0, os.path.join(ROOT, "docs"))
import review_example  # noqa: E402

VIOLATION = re.compile(r"^(\w+)\(.*\) is false at the end of time \d+")
DEDALUS = re.compile(r"\b(pre|post)\(\"")


def invariant_lines(repo, path):
    """{invariant name: line} of the FL_INVARIANT functions in a file."""
    out = {}
    with open(os.path.join(repo, path)) as f:
        for n, line in enumerate(f, 1):
            m = re.search(r"FL_INVARIANT\b.*\bbool (\w+)\(", line)
            if m:
                out[m.group(1)] = n
    return out


def review(faultline, repo, fmt):
    run = subprocess.run([faultline, "review", "--base", "v2", "--head", "v3", "-p", "build",
                          "--format", fmt], cwd=repo, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(run.stderr)
    return run.stdout


def main():
    faultline = os.path.abspath(sys.argv[1])
    with review_example.scratch_repository("faultline-cxx-terms-") as repo:
        subprocess.run(["git", "-C", repo, "checkout", "-q", "v3"], check=True)
        outputs = {fmt: review(faultline, repo, fmt)
                   for fmt in ("sarif", "rdjson", "json", "markdown")}

        def at_own_line(fmt, text, path, line):
            m = VIOLATION.match(text)
            want = invariant_lines(repo, path).get(m.group(1))
            print("%s: %s: %s at %s:%d, %s" % (
                fmt, "ok" if line == want else "FAIL", m.group(1), path, line,
                "its invariant's line" if line == want else "its invariant is at line %s" % want))

        sarif = json.loads(outputs["sarif"])
        for result in sarif["runs"][0]["results"]:
            for flow in result.get("codeFlows", []):
                for thread in flow["threadFlows"]:
                    for step in thread["locations"]:
                        loc = step["location"]
                        text = loc.get("message", {}).get("text", "")
                        if VIOLATION.match(text):
                            phys = loc["physicalLocation"]
                            at_own_line("sarif", text, phys["artifactLocation"]["uri"],
                                        phys["region"]["startLine"])
        for finding in json.loads(outputs["json"])["findings"]:
            if finding["baseline_state"] == "absent":
                continue  # the base revision's lines
            for v in finding["violations"]:
                at_own_line("json", v["text"], v["location"]["file"], v["location"]["line"])
        for fmt, text in outputs.items():
            m = DEDALUS.search(text)
            print("%s: %s" % (fmt, "FAIL: a Dedalus tuple: " + text[m.start():m.start() + 60]
                              if m else "ok: no Dedalus tuple"))


if __name__ == "__main__":
    main()
