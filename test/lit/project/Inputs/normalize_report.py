"""Prints a check report (--format json) in a form that compares equal for
the same verdicts: scenarios by name, each's findings in order, search
times and the cache and shard marks left out.

    normalize_report.py REPORT.json"""
import json
import re
import sys

report = json.load(open(sys.argv[1]))
for s in report["scenarios"]:
    s["detail"] = re.sub(r"\d+\.\d+ s\b", "T s", s["detail"])
    s.pop("cached", None)
report["scenarios"].sort(key=lambda s: s["name"])
report["findings"].sort(key=lambda f: f["scenario"])
report.pop("shard", None)
print(json.dumps(report, indent=1, sort_keys=True))
