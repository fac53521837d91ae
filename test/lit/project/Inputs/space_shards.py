#!/usr/bin/env python3
"""Compares the space shards of one search with the unsharded search
(check --space-shard J/M, then faultline merge).

  space_shards.py runs ALL.html SHARD.html...
      the fault scenarios each search ran (the pages' "fault scenarios run,
      in order"): how many, how many more than one shard ran, and how many
      the unsharded search ran that no shard did (or the shards ran that
      it did not);
  space_shards.py verdict ALL.json MERGED.json
      the verdict and findings of the unsharded check and of the merged
      shards: whether they are the same."""
import html
import json
import re
import sys
from collections import Counter


def runs(page):
    text = open(page, encoding="utf-8").read()
    return [html.unescape(m.group(2)) for m in
            re.finditer(r'<li class="(ok|violation)">(.*?)(?: &mdash; violation)?</li>', text)]


def main(argv):
    if argv[1] == "runs":
        whole, shards = runs(argv[2]), [runs(p) for p in argv[3:]]
        union = Counter(r for s in shards for r in s)
        print("unsharded: %d runs" % len(whole))
        print("shards: %s = %d runs" % (" + ".join(str(len(s)) for s in shards), sum(union.values())))
        print("run by more than one shard: %d" % sum(1 for n in union.values() if n > 1))
        print("run unsharded, by no shard: %d" % len(set(whole) - set(union)))
        print("run by a shard, not unsharded: %d" % len(set(union) - set(whole)))
        return 0
    whole, merged = (json.load(open(p, encoding="utf-8")) for p in argv[2:4])
    for a, b in zip(whole["scenarios"], merged["scenarios"]):
        print("scenario '%s': %s, merged %s" % (a["name"], a["verdict"], b["verdict"]))
    print("findings: %s" % "; ".join(f["faults"] for f in merged["findings"]))
    print("merged findings equal the unsharded ones: %s" % (whole["findings"] == merged["findings"]))
    return 0


sys.exit(main(sys.argv))
