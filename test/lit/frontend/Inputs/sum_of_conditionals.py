#!/usr/bin/env python3
"""Writes a handler that assigns a sum of N conditional expressions,

    x = (m.a0 > y ? 1 : 0) + (m.a1 > y ? 1 : 0) + ...;

which has 2^N values within one statement, and a scenario that delivers
one Update with the given fields to node "n" (y is 5), with an invariant
that x ends as expected (or, without --expect, that x >= 0). With --struct,
the conditional expressions initialize the fields of a local struct, whose
fields are then summed (2^N values of the struct).

  sum_of_conditionals.py N [--struct] [--fields V,V,...] [--expect X]
"""
import argparse

p = argparse.ArgumentParser()
p.add_argument("n", type=int)
p.add_argument("--fields", default="")
p.add_argument("--expect", type=int)
p.add_argument("--struct", action="store_true")
a = p.parse_args()
n = a.n
fields = [int(v) for v in a.fields.split(",")] if a.fields else [0] * n

print('#include "faultline/annotations.h"')
print("struct FL_MESSAGE Update {")
for i in range(n):
    print("  int a%d;" % i)
print("};")
if a.struct:
    print("struct Flags {")
    for i in range(n):
        print("  int f%d;" % i)
    print("};")
print("struct FL_PROCESS Node {")
print("  FL_STATE int x = 0;")
print("  FL_STATE int y = 5;")
print("  FL_RECEIVE void onUpdate(const Update &m) {")
if a.struct:
    print("    Flags c{" + ", ".join("m.a%d > y ? 1 : 0" % i for i in range(n)) + "};")
    print("    x = " + " + ".join("c.f%d" % i for i in range(n)) + ";")
else:
    print("    x = " + " + ".join("(m.a%d > y ? 1 : 0)" % i for i in range(n)) + ";")
print("  }")
print("};")
if a.expect is None:
    print("FL_INVARIANT bool counted(const Node &n) { return n.x >= 0; }")
else:
    print("FL_INVARIANT bool counted(const Node &n) { return n.x == %d; }" % a.expect)
print("FL_SCENARIO void one(faultline::Scenario &s) {")
print("  s.bounds(3, 0, 0);")
print('  s.node<Node>("n");')
if a.fields:
    print('  s.deliver<Update>("n", "n", Update{%s}, 1);' % ", ".join(str(f) for f in fields))
print("}")
