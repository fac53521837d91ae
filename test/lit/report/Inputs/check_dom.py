#!/usr/bin/env python3
"""Reads back the diagrams of an HTML report from the DOM a browser built
(chromium --dump-dom) and compares them with the JSON of the same search.

  check_dom.py DOM ldfi SEARCH.json
      `faultline ldfi --format json`: for each counterexample, the lanes are
      the bounds' nodes in order, the arrows are its messages (from, to, send
      time, fate), one cross per lost message, the crashes its crashes; a
      certified search shows the fault-free run: lanes and no fault marks.
  check_dom.py DOM schedule SCENARIO SCHEDULE.json
      a `faultline check --emit-schedules` file: the scenario's first
      counterexample has the schedule's nodes as lanes and its crashes, and
      every lost message is one of its omissions.

Prints one line per check that held; exits 1 with the difference otherwise.
"""
import collections
import html.parser
import json
import sys


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def find_all(self, pred):
        for c in self.children:
            if pred(c):
                yield c
            yield from c.find_all(pred)


class Tree(html.parser.HTMLParser):
    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__()
        self.root = Element("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        e = Element(tag, attrs, self.cur)
        self.cur.children.append(e)
        if tag not in self.VOID:
            self.cur = e

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Element(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        e = self.cur
        while e is not self.root and e.tag != tag:
            e = e.parent
        if e is not self.root:
            self.cur = e.parent


def has_class(name, tag=None):
    return lambda e: name in e.classes() and (tag is None or e.tag == tag)


def fail(msg):
    print("MISMATCH: " + msg)
    sys.exit(1)


def expect(what, got, want):
    if got != want:
        fail(f"{what}: the page shows {got!r}, the JSON says {want!r}")
    print(f"ok: {what}")


def diagram_of(container):
    svgs = list(container.find_all(lambda e: e.tag == "svg" and "spacetime" in e.classes()))
    if not svgs:
        fail(f"no spacetime diagram in {container.attrs.get('id')}")
    return svgs[0]


def read_diagram(svg):
    lanes = [e.attrs["data-node"] for e in svg.find_all(has_class("lane"))]
    msgs = collections.Counter(
        (e.attrs["data-from"], e.attrs["data-to"], int(e.attrs["data-time"]), e.attrs["data-fate"])
        for e in svg.find_all(has_class("msg")))
    lost_marks = len(list(svg.find_all(has_class("lost-mark"))))
    crashes = sorted((e.attrs["data-node"], int(e.attrs["data-time"]))
                     for e in svg.find_all(has_class("crash")))
    heads = collections.Counter()
    for e in svg.find_all(has_class("arrow")):
        end = e.attrs.get("marker-end", "")
        heads["open" if "open-head" in end else "filled" if end else "none"] += 1
    return lanes, msgs, lost_marks, crashes, heads


def check_ldfi(root, search):
    sections = list(root.find_all(has_class("scenario", "section")))
    if len(sections) != 1:
        fail(f"{len(sections)} scenario sections, expected 1")
    expect("verdict", sections[0].attrs.get("data-verdict"), search["verdict"])
    nodes = search["bounds"]["nodes"]
    cxs = list(sections[0].find_all(has_class("counterexample", "div")))
    expect("counterexamples", len(cxs), len(search["counterexamples"]))
    for i, (div, cx) in enumerate(zip(cxs, search["counterexamples"]), 1):
        lanes, msgs, lost, crashes, heads = read_diagram(diagram_of(div))
        expect(f"counterexample {i}: lanes", lanes, nodes)
        want = collections.Counter((m["from"], m["to"], m["send_time"], m["fate"])
                                   for m in cx["messages"])
        expect(f"counterexample {i}: arrows", msgs, want)
        expect(f"counterexample {i}: lost marks", lost,
               sum(1 for m in cx["messages"] if m["fate"] == "omitted"))
        expect(f"counterexample {i}: crash marks", crashes,
               sorted((c["node"], c["time"]) for c in cx["faults"]["crashes"]))
        expect(f"counterexample {i}: open arrowheads", heads["open"],
               sum(1 for m in cx["messages"] if m["fate"] == "after-eot"))
    if search["verdict"] == "certified":
        free = list(sections[0].find_all(has_class("fault-free", "div")))
        if not free:
            fail("a certified scenario without its fault-free run")
        lanes, msgs, lost, crashes, _ = read_diagram(diagram_of(free[0]))
        expect("fault-free run: lanes", lanes, nodes)
        expect("fault-free run: fault marks", (lost, crashes), (0, []))
        print(f"ok: fault-free run: {sum(msgs.values())} arrows")


def check_schedule(root, scenario, schedule):
    sections = [s for s in root.find_all(has_class("scenario", "section"))
                if s.attrs.get("data-scenario") == scenario]
    if len(sections) != 1:
        fail(f"no section for scenario {scenario}")
    expect("verdict", sections[0].attrs.get("data-verdict"), "counterexample")
    cxs = list(sections[0].find_all(has_class("counterexample", "div")))
    if not cxs:
        fail("no counterexample shown")
    lanes, msgs, lost, crashes, _ = read_diagram(diagram_of(cxs[0]))
    expect("lanes", lanes, schedule["bounds"]["nodes"])
    expect("crash marks", crashes,
           sorted((c["node"], c["time"]) for c in schedule["faults"]["crashes"]))
    omitted = {(o["from"], o["to"], o["time"]) for o in schedule["faults"]["omissions"]}
    lost_msgs = [m for m in msgs.elements() if m[3] == "omitted"]
    expect("lost marks", lost, len(lost_msgs))
    expect("lost messages are the schedule's omissions",
           all((f, t, time) in omitted for f, t, time, _ in lost_msgs), True)
    print(f"ok: {sum(msgs.values())} arrows")


def main(argv):
    tree = Tree()
    with open(argv[1], encoding="utf-8") as f:
        tree.feed(f.read())
    if argv[2] == "ldfi":
        with open(argv[3], encoding="utf-8") as f:
            check_ldfi(tree.root, json.load(f))
    elif argv[2] == "schedule":
        with open(argv[4], encoding="utf-8") as f:
            check_schedule(tree.root, argv[3], json.load(f))
    else:
        fail("usage: check_dom.py DOM ldfi JSON | DOM schedule SCENARIO JSON")


if __name__ == "__main__":
    main(sys.argv)
