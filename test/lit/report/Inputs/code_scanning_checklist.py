"""Checks a SARIF file against GitHub's "SARIF support for code scanning", item
by item, besides the OASIS schema (validate_json.py):

    code_scanning_checklist.py SARIF

Prints "ok: <requirement>" for each requirement met and "FAIL: <requirement>:
<where>" for each one not, and exits 1 if any failed. Written from GitHub's
documentation of the properties code scanning reads, its limits, and from
SARIF 2.1.0 (RFC 3986 URIs, regions in the run's columnKind); columns are
checked against the files they point into, which the %SRCROOT% of the run's
originalUriBaseIds locates."""
import json
import re
import sys
import urllib.parse

sarif_path = sys.argv[1]
log = json.load(open(sarif_path))
failures = []


def check(requirement, ok, where=""):
    if ok:
        print("ok: " + requirement)
    else:
        failures.append(requirement)
        print("FAIL: %s: %s" % (requirement, where))


# RFC 3986: unreserved, reserved and percent-encoded octets only.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")

check("sarifLog.version is 2.1.0", log.get("version") == "2.1.0")
check("sarifLog.$schema names the 2.1.0 schema", "2.1.0" in log.get("$schema", ""))
runs = log.get("runs", [])
check("at most 20 runs per file", 1 <= len(runs) <= 20, len(runs))

for r, run in enumerate(runs):
    driver = run.get("tool", {}).get("driver", {})
    check("tool.driver.name", bool(driver.get("name")))
    check("tool.driver.semanticVersion is a semantic version",
          bool(SEMVER.match(driver.get("semanticVersion", ""))), driver.get("semanticVersion"))
    check("automationDetails.id (the analysis category)",
          bool(run.get("automationDetails", {}).get("id")))
    check("columnKind is utf16CodeUnits or unicodeCodePoints",
          run.get("columnKind") in ("utf16CodeUnits", "unicodeCodePoints"), run.get("columnKind"))
    bases = run.get("originalUriBaseIds", {})
    for name, base in bases.items():
        uri = base.get("uri", "")
        check("originalUriBaseIds.%s is an absolute file URI ending in '/'" % name,
              uri.startswith("file:///") and uri.endswith("/") and URI_CHARS.match(uri), uri)

    rules = driver.get("rules", [])
    check("at most 25,000 rules", len(rules) <= 25000)
    for rule in rules:
        rid = rule.get("id", "")
        check("rule has an id", bool(rid))
        check("rule %s: name" % rid, bool(rule.get("name")))
        check("rule %s: shortDescription.text" % rid,
              bool(rule.get("shortDescription", {}).get("text")))
        check("rule %s: fullDescription.text" % rid,
              bool(rule.get("fullDescription", {}).get("text")))
        check("rule %s: help.text" % rid, bool(rule.get("help", {}).get("text")))
        check("rule %s: help.markdown" % rid, bool(rule.get("help", {}).get("markdown")))
        check("rule %s: defaultConfiguration.level" % rid,
              rule.get("defaultConfiguration", {}).get("level") in ("note", "warning", "error"))
        props = rule.get("properties", {})
        tags = props.get("tags", [])
        check("rule %s: properties.tags, at most 20 strings" % rid,
              isinstance(tags, list) and len(tags) <= 20 and all(isinstance(t, str) for t in tags))
        check("rule %s: properties.precision" % rid,
              props.get("precision") in ("very-high", "high", "medium", "low"))
        check("rule %s: properties.problem.severity" % rid,
              props.get("problem.severity") in ("error", "warning", "recommendation"))

    files = {}

    def line_of(uri, base_id, number):
        """The line of the file a location names, or None."""
        if base_id:
            root = bases.get(base_id, {}).get("uri", "")
            uri = root + uri
        if not uri.startswith("file://"):
            return None
        path = urllib.parse.unquote(uri[len("file://"):])
        if path not in files:
            try:
                files[path] = open(path, encoding="utf-8").read().split("\n")
            except OSError:
                files[path] = None
        lines = files[path]
        return lines[number - 1].rstrip("\r") if lines and number <= len(lines) else None

    def check_location(loc, where):
        phys = loc.get("physicalLocation")
        if phys is None:
            return
        art = phys.get("artifactLocation", {})
        uri, base_id = art.get("uri", ""), art.get("uriBaseId")
        check("%s: artifactLocation.uri is a percent-encoded URI" % where,
              bool(uri) and URI_CHARS.match(uri) and " " not in uri, uri)
        if base_id:
            check("%s: uriBaseId %s is in originalUriBaseIds" % (where, base_id), base_id in bases)
            check("%s: a relative uri under a uriBaseId" % where,
                  not uri.startswith("/") and ":" not in uri.split("/")[0], uri)
        else:
            check("%s: without uriBaseId, an absolute file URI" % where,
                  uri.startswith("file:///"), uri)
        region = phys.get("region", {})
        start, end = region.get("startLine", 0), region.get("endLine", region.get("startLine", 0))
        check("%s: region.startLine >= 1" % where, start >= 1, start)
        check("%s: region.endLine >= startLine" % where, end >= start, (start, end))
        if "startColumn" in region:
            check("%s: endColumn with startColumn" % where, "endColumn" in region)
            text = line_of(uri, base_id, start)
            if text is not None and run.get("columnKind") == "unicodeCodePoints":
                # Code points, not bytes: the region ends at the line's end.
                check("%s: columns in code points (endColumn = line length + 1)" % where,
                      region.get("endColumn") == len(text) + 1, (region, len(text)))
                check("%s: startColumn within the line" % where,
                      1 <= region["startColumn"] <= len(text) + 1, region)

    results = run.get("results")
    check("run.results is present", isinstance(results, list))
    check("at most 25,000 results per run", len(results or []) <= 25000)
    for i, result in enumerate(results or []):
        where = "results[%d]" % i
        rid = result.get("ruleId")
        check("%s: ruleId names a rule" % where, any(rule.get("id") == rid for rule in rules), rid)
        if "ruleIndex" in result:
            index = result["ruleIndex"]
            check("%s: ruleIndex points at the rule of ruleId" % where,
                  0 <= index < len(rules) and rules[index].get("id") == rid, index)
        check("%s: message.text" % where, bool(result.get("message", {}).get("text")))
        check("%s: level" % where, result.get("level", "warning") in ("note", "warning", "error"))
        locations = result.get("locations", [])
        check("%s: exactly one location (code scanning shows the first)" % where,
              len(locations) == 1, len(locations))
        for loc in locations:
            check("%s: the location has a physicalLocation" % where, "physicalLocation" in loc)
            check_location(loc, where + ".locations")
        fingerprints = result.get("partialFingerprints", {})
        check("%s: partialFingerprints.primaryLocationLineHash" % where,
              isinstance(fingerprints.get("primaryLocationLineHash"), str)
              and fingerprints["primaryLocationLineHash"] != "")
        check("%s: no fixed (absent) result, which code scanning would show as an alert" % where,
              result.get("baselineState") != "absent")
        related = result.get("relatedLocations", [])
        check("%s: at most 1,000 related locations" % where, len(related) <= 1000)
        for loc in related:
            check_location(loc, where + ".relatedLocations")
        for flow in result.get("codeFlows", []):
            for thread in flow.get("threadFlows", []):
                steps = thread.get("locations", [])
                check("%s: at most 10,000 thread flow locations" % where, len(steps) <= 10000)
                for step in steps:
                    check_location(step.get("location", {}), where + ".threadFlow")

if failures:
    print("%d requirement(s) not met" % len(failures))
    sys.exit(1)
print("all requirements met")
