"""Checks the CI recipes of docs/ci.md and runs their faultline commands:

    ci_recipes.py DOCS REPO BIN

DOCS is faultline's docs/ folder; REPO a clone of a scratch repository
whose pull request is checked out and whose target branch is origin/main,
with its build folder; BIN the folder of the faultline to run. Prints what it checked and,
per command, its exit code; a recipe that lacks a setting the page
describes stops it with an error."""
import os
import subprocess
import sys

import yaml

docs, repo, bin_dir = sys.argv[1:4]
page = open(os.path.join(docs, "ci.md")).read()


def load(name):
    text = open(os.path.join(docs, "ci", name)).read()
    if "```yaml\n" + text + "```\n" not in page:
        sys.exit("docs/ci.md does not show docs/ci/%s verbatim" % name)
    return yaml.safe_load(text)


def require(condition, what):
    if not condition:
        sys.exit("missing: " + what)
    print("ok: " + what)


gh = load("github-workflow.yml")
triggers = gh.get("on", gh.get(True))  # YAML 1.1 reads a bare `on` as true
require("push" in triggers and "pull_request" in triggers, "github: push and pull_request")
job = gh["jobs"]["faultline"]
require(job["permissions"].get("security-events") == "write", "github: security-events: write")
steps = job["steps"]
uses = {s.get("uses", "").split("@")[0]: s for s in steps}
require(uses["actions/checkout"]["with"]["fetch-depth"] == 0, "github: fetch-depth 0")
require(uses["actions/cache"]["with"]["path"] == "build/.faultline-cache",
        "github: cache build/.faultline-cache")
require(uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "faultline.sarif",
        "github: upload faultline.sarif")
runs = [s["run"] for s in steps if "run" in s]
require(any("-filter-mode=added" in r and "-f=rdjson" in r for r in runs),
        "github: reviewdog -f=rdjson -filter-mode=added")

gl = load("gitlab-ci.yml")
require(gl["faultline"]["variables"]["GIT_DEPTH"] == "0", "gitlab: GIT_DEPTH 0")
require(gl["faultline"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json",
        "gitlab: codequality report")
runs += gl["faultline"]["script"]

mx = load("github-matrix.yml")
shards = mx["jobs"]["check"]["strategy"]["matrix"]["shard"]
require(shards == list(range(len(shards))), "matrix: shards 0..N-1")
check_runs = [s["run"] for s in mx["jobs"]["check"]["steps"] if "run" in s]
require(any("--shard ${{ matrix.shard }}/%d" % len(shards) in r for r in check_runs),
        "matrix: check --shard ${{ matrix.shard }}/N")
merge_runs = [s["run"] for s in mx["jobs"]["merge"]["steps"] if "run" in s]
require(any("faultline merge " + " ".join("shard-%d.json" % i for i in shards) in r
            for r in merge_runs), "matrix: merge every shard's report")
require(mx["jobs"]["merge"]["needs"] == "check", "matrix: merge needs check")
# The matrix's jobs, one after the other: each shard's check, then the merge.
matrix_runs = [r.replace("${{ matrix.shard }}", str(shard))
               for shard in shards for r in check_runs] + merge_runs

# The faultline commands, as the runners would run them.
env = dict(os.environ, GITHUB_BASE_REF="main",
           PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))


def run_all(runs):
    for run in runs:
        for line in run.splitlines():
            line = line.strip()
            if not line.startswith("faultline "):
                continue
            status = subprocess.run(["sh", "-c", line], cwd=repo, env=env,
                                    stderr=subprocess.DEVNULL).returncode
            print("ran: %s: exit %d" % (line, status))


run_all(runs)
# The matrix's merge writes faultline.sarif too: the other workflow's is
# kept as review.sarif.
os.replace(os.path.join(repo, "faultline.sarif"), os.path.join(repo, "review.sarif"))
run_all(matrix_runs)
