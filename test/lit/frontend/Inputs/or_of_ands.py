#!/usr/bin/env python3
"""Writes a handler whose one `if` tests N alternatives of two conditions,

    if ((m.a0 > x && m.b0 > y) || (m.a1 > x && m.b1 > y) || ...) x = 1;

The condition is false on 2^N paths (one of each pair false, N times), all
within one statement: its lowering joins them as it goes (docs/design.md,
"Join points"), so its rules grow linearly with N; each join carries the
message's 2N fields, so the lowering's work grows with N^2.

  or_of_ands.py N
"""
import sys

n = int(sys.argv[1])
print('#include "faultline/annotations.h"')
print("struct FL_MESSAGE Update {")
for i in range(n):
    print("  int a%d;" % i)
    print("  int b%d;" % i)
print("};")
print("struct FL_PROCESS Node {")
print("  FL_STATE int x = 0;")
print("  FL_STATE int y = 0;")
print("  FL_RECEIVE void onUpdate(const Update &m) {")
print("    if (" + " || ".join("(m.a%d > x && m.b%d > y)" % (i, i) for i in range(n)) + ")")
print("      x = 1;")
print("  }")
print("};")
print("FL_INVARIANT bool ok(const Node &n) { return n.x >= 0; }")
print("FL_SCENARIO void one(faultline::Scenario &s) {")
print("  s.bounds(3, 0, 0);")
print('  s.node<Node>("n");')
print("}")
