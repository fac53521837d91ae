#!/usr/bin/env python3
"""Differential fuzzing of the C++ frontend against the compiled code.

Usage: frontend_diff.py --faultline BIN --clangxx BIN --annotations DIR
                        --work DIR [--seconds S] [--seed N] [--schedules N]

Generates small annotated protocols from a grammar of constructs the
frontend models (enums with explicit values out of order, compared and cast
both ways; containers and scalars initialized in the class and in the
default constructor; unsigned arithmetic that wraps: unsigned char,
unsigned, a guarded 64-bit size() - 1; writes through references and
out-parameters; sets, maps and vectors updated by the handlers, a map's
entries written twice with keys equal in some runs; chains of && and ||,
sums of conditional expressions; while, do-while and plain for loops run
iteration by iteration; a message with a std::vector field, a batch, sent
from a local vector or the log and read, walked and appended), builds each one's simulator with `faultline extract
--emit=simulation` and clang, and runs the compiled code and faultline's
model under the same fault schedules with test/lit/replay/Inputs/
model_agreement.py: any disagreement (messages, handled messages, state at
EOT, failed invariants) fails, and the protocol is kept in the work folder
as a reproducer. Stops after --seconds (the protocol being checked
finishes).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
AGREEMENT = os.path.join(HERE, "..", "lit", "replay", "Inputs", "model_agreement.py")
REPLAY_MAIN = os.path.join(HERE, "..", "lit", "simulation", "Inputs", "replay_main.cpp")


class Protocol:
    """One random protocol: a role Node, messages Msg and Reply."""

    def __init__(self, rng):
        self.rng = rng
        values = rng.sample(range(-3, 40), 3)
        self.enumerators = list(zip(["Red", "Green", "Blue"], values))
        rng.shuffle(self.enumerators)

    def enumerator(self):
        return "Color::" + self.rng.choice(self.enumerators)[0]

    def small(self):
        return str(self.rng.randint(0, 9))

    def header(self):
        r = self.rng
        enums = ", ".join("%s = %d" % e for e in self.enumerators)
        ctor_inits = []
        if r.random() < 0.5:
            ctor_inits.append("level(%d)" % r.randint(0, 255))
        if r.random() < 0.5:
            ctor_inits.append("seen{%s}" % ", ".join(self.small() for _ in range(r.randint(0, 3))))
        ctor = "  Node() : %s {}\n" % ", ".join(ctor_inits) if ctor_inits else ""
        members = [
            "FL_SELF NodeId self;",
            "FL_STATE NodeId peer = \"b\";",
            "FL_STATE Color color = %s;" % self.enumerator(),
            "FL_STATE int total = %s;" % self.small(),
            "FL_STATE unsigned char level = %d;" % r.randint(240, 255),
            "FL_STATE unsigned count = %d;" % r.randint(0, 2),
            "FL_STATE std::uint64_t last = 0;",
            "FL_STATE std::set<int> seen = {%s};" % ", ".join(
                self.small() for _ in range(r.randint(0, 3))),
            "FL_STATE std::map<int, int> weights{%s};" % ", ".join(
                "{%d, %s}" % (k, self.small()) for k in r.sample(range(6), r.randint(0, 3))),
            "FL_STATE std::vector<int> log = {%s};" % ", ".join(
                self.small() for _ in range(r.randint(0, 3))),
            "FL_STATE std::set<NodeId> voters;",
        ]
        # Scalars first (their conditions may read the containers), then at
        # most one update per container: the frontend rejects a second kind
        # of update, or a read after an update, in one handler.
        body = [self.statement(self.scalarEffect()) for _ in range(r.randint(2, 6))]
        for updates in self.containerEffects():
            if r.random() < 0.6:
                body.append(self.statement(r.choice(updates), scalarsOnly=True))
        body = "\n".join(body)
        return """#include "faultline/annotations.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fuzz {

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Color { %s };

struct FL_MESSAGE Msg {
  Color color;
  int x;
};

struct FL_MESSAGE Sync {
  int n;
  std::vector<int> items;
};

struct FL_PROCESS Node {
%s
%s
  void bump(int &out, int v) { out = out + v; }

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    voters.insert(from);
%s
%s
    if (m.x > 0)
      send(peer, Msg{m.color, m.x - 1});
  }

  FL_RECEIVE void onSync(const Sync &s) {
%s
  }
};

FL_INVARIANT inline bool sane(const Node &n) { return n.total != 123456789; }

} // namespace fuzz
""" % (enums, "\n".join("  " + m for m in members), ctor, self.syncSend(), body,
       self.syncBody())

    def syncSend(self):
        # Batches are sent before the handler updates what they are built
        # from: a local vector filled from a set (in its order), the log.
        r = self.rng
        return r.choice([
            "    std::vector<int> items;\n"
            "    for (int s : seen)\n"
            "      items.push_back(s * %d);\n"
            "    if (m.x %% 2 == %d)\n"
            "      send(peer, Sync{m.x, items});" % (r.randint(1, 3), r.randint(0, 1)),
            "    if (m.x > %d)\n      send(peer, Sync{m.x, log});" % r.randint(0, 2),
            "    if (m.x == %d)\n      send(peer, Sync{m.x, {}});" % r.randint(0, 3),
        ])

    def syncBody(self):
        # A batch read (size, back, [i]), walked (a join, or iteration by
        # iteration when the body appends), and appended.
        r = self.rng
        reads = r.choice([
            "    if (!s.items.empty())\n"
            "      total = s.items.back() + static_cast<int>(s.items.size());",
            "    if (s.items.size() > 1)\n      total = s.items[1] - s.items.front();",
            "    total = static_cast<int>(s.items.size()) + s.n;",
        ])
        walk = r.choice([
            "    for (int v : s.items)\n      if (v > %d)\n        seen.insert(v);"
            % r.randint(0, 5),
            "    for (int v : s.items) {\n      if (v %% 2 == %d)\n        continue;\n"
            "      log.push_back(v);\n    }" % r.randint(0, 1),
            "    for (std::size_t i = 0; i < s.items.size(); ++i)\n"
            "      seen.insert(s.items[i] + static_cast<int>(i));",
            "    if (log.size() > {0})\n      log.resize({0});\n"
            "    log.insert(log.end(), s.items.begin(), s.items.end());".format(r.randint(0, 2)),
        ])
        return reads + "\n" + walk

    def condition(self):
        # Chains of && and || (negated and nested at times) of up to six
        # tests: past four paths, a condition's paths are joined.
        r = self.rng
        if r.random() < 0.5:
            return self.test()
        text = self.test()
        for _ in range(r.randint(1, 5)):
            part = self.test() if r.random() < 0.7 else "!(%s)" % self.test()
            text = "(%s) %s %s" % (text, r.choice(["&&", "||"]), part) if r.random() < 0.5 \
                else "%s %s (%s)" % (part, r.choice(["&&", "||"]), text)
        return text

    def test(self):
        r = self.rng
        return r.choice([
            "m.color >= %s" % self.enumerator(),
            "color < m.color",
            "static_cast<int>(m.color) > %d" % r.randint(-3, 40),
            "count > %du" % r.randint(0, 3),
            "level < 250",
            "!seen.empty()",
            "seen.count(m.x) == 1",
            "log.size() > %d" % r.randint(0, 3),
            "weights.count(m.x) == 0",
            "m.x % 2 == 0",
            # <algorithm> over state containers: derived relations.
            "std::any_of(seen.begin(), seen.end(), [&](int s) { return s > m.x; })",
            "std::all_of(log.begin(), log.end(), [&](int v) { return v != total; })",
            "std::count_if(log.begin(), log.end(), [&](int v) { return v < %d; }) >= 2"
            % r.randint(0, 9),
        ])

    def scalarEffect(self):
        r = self.rng
        return r.choice([
            "color = m.color;",
            "color = static_cast<Color>(static_cast<int>(m.color));",
            "total = static_cast<int>(color) + m.x;",
            "total = total * 2 - static_cast<int>(m.color);",
            "count = count - 1;",
            "count = count + static_cast<unsigned>(m.x);",
            "count += %d;" % r.randint(1, 3),
            "level += m.x;",
            "level = level * %d;" % r.randint(2, 5),
            "level = static_cast<unsigned char>(total);",
            "last = voters.size() - 1;",
            "total = static_cast<int>(std::count_if(seen.begin(), seen.end(), "
            "[&](int s) { return s >= m.x; }));",
            "if (!log.empty()) total = *std::max_element(log.begin(), log.end()) - "
            "*std::min_element(log.begin(), log.end());",
            # Writes through a reference and through a helper's
            # out-parameter are writes of the member.
            "{ int &r = total; r = r + m.x; }",
            "bump(total, m.x);",
            # Loops run iteration by iteration.
            "{ int k = 0; while (k < m.x && k < %d) { total = total + k; ++k; } }"
            % r.randint(1, 5),
            "for (int i = 0; i < %d; ++i) { if (i == m.x) break; count += 1; }"
            % r.randint(1, 4),
            "{ int k = %d; do { level += 1; --k; } while (k > 0); }" % r.randint(0, 3),
            # A sum of conditional expressions: 2^N values, joined.
            "total = %s;" % " + ".join("(%s ? %s : %d)" % (self.test(), r.choice(["m.x", "1"]),
                                                         r.randint(0, 3))
                                       for _ in range(r.randint(2, 6))),
        ])

    def containerEffects(self):
        r = self.rng
        return [["seen.insert(m.x);", "seen.erase(m.x);", "seen.clear();",
                 # An index loop over the log with a continue: a join over
                 # its indices.
                 "for (int i = %d; i < static_cast<int>(log.size()) && i <= m.x; ++i) "
                 "{ if (log[i] %% 2 == %d) continue; seen.insert(log[i]); }"
                 % (r.randint(0, 2), r.randint(0, 1))],
                ["log.push_back(m.x);", "log.push_back(total);", self.logEdits()],
                ["weights[m.x + %d] = total;" % r.randint(0, 3), "weights.erase(m.x);",
                 # Two entries written on one path, the keys equal in some
                 # runs: the later value is the entry.
                 "{ weights[m.x] = total; weights[%d] = m.x; }" % r.randint(0, 3)]]

    def logEdits(self):
        # A log shortened, then appended to, several times in one handler
        # (as Raft's AppendEntries does), and its size read after.
        r = self.rng
        keep = r.randint(0, 3)
        shorten = ["while (log.size() > %d) log.pop_back();" % r.randint(0, 3),
                   "while (static_cast<std::size_t>(m.x) < log.size()) log.pop_back();",
                   "if (!log.empty()) log.pop_back();",
                   "if (log.size() >= %d) log.resize(%d);" % (keep, keep),
                   "log.clear();"]
        append = ["log.push_back(m.x);", "log.push_back(total);",
                  "if (m.x %% 2 == %d) log.push_back(%d);" % (r.randint(0, 1), r.randint(0, 9))]
        edits = [r.choice(shorten) for _ in range(r.randint(0, 2))]
        edits += [r.choice(append) for _ in range(r.randint(1, 3))]
        if r.random() < 0.5:
            edits.append("last = log.size();")
        return "{ %s }" % " ".join(edits)

    def statement(self, effect, scalarsOnly=False):
        if self.rng.random() < 0.5:
            condition = self.condition()
            if scalarsOnly:
                condition = self.rng.choice(["m.color >= %s" % self.enumerator(),
                                             "m.x %% 2 == %d" % self.rng.randint(0, 1),
                                             "count > %du" % self.rng.randint(0, 3)])
            return "    if (%s)\n      %s" % (condition, effect)
        return "    " + effect

    def scenarios(self):
        r = self.rng
        lines = []
        for name in ("one", "two"):
            lines.append("FL_SCENARIO void %s(faultline::Scenario &s) {" % name)
            lines.append("  s.bounds(%d, %d, 0);" % (r.randint(3, 5), r.randint(0, 3)))
            lines.append('  s.node<Node>("a");')
            lines.append('  s.node<Node>("b");')
            if r.random() < 0.5:
                lines.append('  s.add("a", &Node::seen, %s);' % self.small())
            if r.random() < 0.5:
                lines.append('  s.add("b", &Node::log, %s);' % self.small())
            for _ in range(r.randint(1, 3)):
                lines.append('  s.deliver<Msg>("%s", "%s", Msg{%s, %d}, %d);' % (
                    r.choice("ab"), r.choice(["c", "d"]), self.enumerator(), r.randint(0, 3),
                    r.randint(1, 2)))
            lines.append("}")
        return '#include "protocol.h"\n\nnamespace fuzz {\n\n%s\n\n} // namespace fuzz\n' % (
            "\n".join(lines))


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def check(args, case, rng):
    os.makedirs(case, exist_ok=True)
    p = Protocol(rng)
    with open(os.path.join(case, "protocol.h"), "w") as f:
        f.write(p.header())
    source = os.path.join(case, "protocol.cpp")
    with open(source, "w") as f:
        f.write(p.scenarios())
    flags = ["-std=c++17", "-I" + args.annotations]
    with open(os.path.join(case, "compile_commands.json"), "w") as f:
        json.dump([{"directory": case, "file": source,
                    "arguments": ["clang++"] + flags + ["-c", source]}], f)
    setup = os.path.join(case, "setup.cpp")
    out = run([args.faultline, "extract", "--emit=simulation", source, "-o", setup, "--"] + flags)
    if out.returncode != 0:
        return "extract --emit=simulation failed:\n" + out.stdout
    replay = os.path.join(case, "replay")
    out = run([args.clangxx] + flags + ["-O0", setup, source, REPLAY_MAIN, "-o", replay])
    if out.returncode != 0:
        return "the generated protocol does not compile:\n" + out.stdout
    out = run([sys.executable, AGREEMENT, "--faultline", args.faultline, "--build", case,
               "--source", source, "--replay", replay, "--work", os.path.join(case, "agree"),
               "--random", str(args.schedules), "--seed", str(rng.randint(0, 1 << 30))])
    if out.returncode != 0 or "DISAGREE" in out.stdout:
        return "the simulator and the model disagree:\n" + out.stdout
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--faultline", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--annotations", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--schedules", type=int, default=8)
    args = ap.parse_args()
    for name in ("work", "annotations", "faultline"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    rng = random.Random(args.seed)
    start = time.monotonic()
    n = 0
    while n == 0 or time.monotonic() - start < args.seconds:
        n += 1
        case = os.path.join(args.work, "case-%d" % n)
        problem = check(args, case, rng)
        if problem:
            print("frontend_diff: protocol %s (seed %d, case %d): %s" % (
                case, args.seed, n, problem))
            sys.exit(1)
    print("frontend_diff: %d protocols, the compiled code and the model agree" % n)


if __name__ == "__main__":
    main()
