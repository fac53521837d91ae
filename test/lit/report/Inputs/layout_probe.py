#!/usr/bin/env python3
"""Measures an HTML report as a browser lays it out (issue 25 item 7: one
minute to understand why).

  layout_probe.py inject PAGE.html OUT.html
      copies the page with a script that, once the browser has laid it out,
      writes what it measured into the DOM (<pre id="layout-probe">, JSON);
  layout_probe.py check DOM
      reads that back from `chromium --dump-dom` and prints one line per
      requirement, "ok: ..." or "FAIL: ...":
      - failing scenarios come first (sections and the verdict table);
      - no story row repeats its time in its text ("at time N, ...");
      - every arrow of a spacetime diagram is labelled with its payload
        (braces or parentheses after the message's name), and no two
        labels of a diagram (handlers, messages) overlap;
      - a crash row points at no source line (a fault is not code);
      - every lineage drawing fits in the page's width (no scrolling away
        from its root), and its boxes name handlers, not Dedalus rules;
      and counts, per counterexample, the lineage vertices drawn red, and
      prints the text of each ("red: ID: line / line").
Exits 1 if any requirement failed."""
import html.parser
import json
import re
import sys

SCRIPT = r"""
<script>
(function () {
  function box(e) { var r = e.getBoundingClientRect();
    return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }
  function meet(a, b) { return a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1; }
  var out = {sections: [], verdictRows: [], diagrams: [], lineages: [], storyRows: []};
  document.querySelectorAll('section.scenario').forEach(function (s) {
    out.sections.push(s.getAttribute('data-verdict')); });
  document.querySelectorAll('table.verdicts span.verdict').forEach(function (s) {
    out.verdictRows.push(s.textContent); });
  document.querySelectorAll('svg.spacetime').forEach(function (svg) {
    var labels = Array.prototype.slice.call(svg.querySelectorAll('text.handler, text.msg-label'));
    var boxes = labels.map(box), overlaps = [];
    for (var i = 0; i < boxes.length; ++i)
      for (var j = i + 1; j < boxes.length; ++j)
        if (meet(boxes[i], boxes[j]))
          overlaps.push([labels[i].textContent, labels[j].textContent]);
    var msgs = [];
    svg.querySelectorAll('g.msg').forEach(function (g) {
      var t = g.querySelector('text.msg-label');
      msgs.push({relation: g.getAttribute('data-relation'), label: t ? t.textContent : ''}); });
    out.diagrams.push({id: svg.id, overlaps: overlaps, messages: msgs});
  });
  document.querySelectorAll('.figure.lineage').forEach(function (f) {
    var svg = f.querySelector('svg');
    var texts = [];
    svg.querySelectorAll('g.node text').forEach(function (t) { texts.push(t.textContent); });
    out.lineages.push({width: svg.getBoundingClientRect().width, room: f.clientWidth,
                       scrollable: f.scrollWidth > f.clientWidth + 1, labels: texts});
  });
  out.counterexamples = [];
  document.querySelectorAll('div.counterexample').forEach(function (d) {
    var red = [];
    d.querySelectorAll('.figure.lineage g.node.cut').forEach(function (g) {
      var lines = [];
      g.querySelectorAll('text').forEach(function (t) { lines.push(t.textContent); });
      red.push(lines.join(' / ')); });
    out.counterexamples.push({id: d.id, red: red.length, redLabels: red});
  });
  document.querySelectorAll('table.story tr').forEach(function (tr) {
    // A page of an older faultline has plain cells: the second is the text.
    var what = tr.querySelector('td.what') || tr.children[1], loc = tr.querySelector('td.loc');
    var text = what ? what.textContent : '';
    var kind = tr.getAttribute('data-kind') || (/ crashes$/.test(text) ? 'crash' : '');
    out.storyRows.push({kind: kind, text: text, loc: loc ? loc.textContent : ''});
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


class Probe(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        if tag == "pre" and ("id", "layout-probe") in attrs:
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "pre":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def check(dom_path):
    parser = Probe()
    parser.feed(open(dom_path, encoding="utf-8").read())
    if not parser.text:
        print("FAIL: the probe did not run (no #layout-probe in the DOM)")
        return 1
    m = json.loads(parser.text)
    failed = []

    def req(ok, what):
        print(("ok: " if ok else "FAIL: ") + what)
        if not ok:
            failed.append(what)

    rank = {"counterexample": 0, "certified": 2}
    order = [rank.get(v, 1) for v in m["sections"]]
    req(order == sorted(order), "failing scenarios first: sections %s" % m["sections"])
    order = [rank.get(v, 1) for v in m["verdictRows"]]
    req(order == sorted(order), "failing scenarios first: verdict table %s" % m["verdictRows"])
    again = [r["text"] for r in m["storyRows"] if re.match(r"at time \d+", r["text"])]
    req(m["storyRows"] and not again,
        "%d story rows, none repeats its time%s" % (len(m["storyRows"]),
                                                     (": " + again[0]) if again else ""))
    crash_locs = [r["loc"] for r in m["storyRows"] if r["kind"] == "crash"]
    req(all(not loc for loc in crash_locs),
        "%d crash rows, none at a source line" % len(crash_locs))
    for d in m["diagrams"]:
        bare = [x for x in d["messages"]
                if not re.match(re.escape(x["relation"]) + r"[{(].*[})]$", x["label"])]
        req(not bare, "%s: %d arrows, each labelled with its payload%s"
            % (d["id"], len(d["messages"]), (": " + repr(bare[0])) if bare else ""))
        req(not d["overlaps"], "%s: no labels overlap%s"
            % (d["id"], (": " + repr(d["overlaps"][0])) if d["overlaps"] else ""))
    for i, l in enumerate(m["lineages"], 1):
        req(l["width"] <= l["room"] + 1 and not l["scrollable"],
            "lineage %d fits in the page (%d px in %d px)" % (i, l["width"], l["room"]))
        dedalus = [t for t in l["labels"] if re.match(r"(rule |pre\(|post\()", t)]
        req(not dedalus, "lineage %d: boxes name handlers, not Dedalus rules%s"
            % (i, (": " + dedalus[0]) if dedalus else ""))
    # Not a requirement every counterexample can meet (a precondition the
    # fault-free run has too shows nothing the faults made happen): counted.
    for c in m.get("counterexamples", []):
        print("count: %s: %d lineage vertices red (what the faults took away or made happen)"
              % (c["id"], c["red"]))
        for label in c.get("redLabels", []):
            print("red: %s: %s" % (c["id"], label))
    return 1 if failed else 0


def main():
    if sys.argv[1] == "inject":
        page = open(sys.argv[2], encoding="utf-8").read()
        at = page.rindex("</body>")
        open(sys.argv[3], "w", encoding="utf-8").write(page[:at] + SCRIPT + page[at:])
        return 0
    return check(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
