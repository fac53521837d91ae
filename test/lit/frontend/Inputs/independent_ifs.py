#!/usr/bin/env python3
"""Writes a handler made of K independent conditional assignments,

    if (m.f0 > x0) x0 = m.f0;     // x_i starts at i
    ...

which has 2^K paths, and a scenario that delivers one Update with the given
fields to node "n", with an invariant that each x_i ends as expected. The
frontend's rules must grow with K, not with the paths; the invariant holds
exactly where the model computes what the C++ does.

  independent_ifs.py K [--fields V,V,...] [--expect V,V,...]
"""
import argparse

p = argparse.ArgumentParser()
p.add_argument("k", type=int)
p.add_argument("--fields", default="")
p.add_argument("--expect", default="")
a = p.parse_args()
k = a.k
fields = [int(v) for v in a.fields.split(",")] if a.fields else [0] * k
expect = [int(v) for v in a.expect.split(",")] if a.expect else [max(i, f) for i, f in enumerate(fields)]

print('#include "faultline/annotations.h"')
print("struct FL_MESSAGE Update {")
for i in range(k):
    print("  int f%d;" % i)
print("};")
print("struct FL_PROCESS Node {")
for i in range(k):
    print("  FL_STATE int x%d = %d;" % (i, i))
print("  FL_RECEIVE void onUpdate(const Update &m) {")
for i in range(k):
    print("    if (m.f%d > x%d) x%d = m.f%d;" % (i, i, i, i))
print("  }")
print("};")
print("FL_INVARIANT bool updated(const Node &n) {")
print("  return " + " && ".join("n.x%d == %d" % (i, e) for i, e in enumerate(expect)) + ";")
print("}")
print("FL_SCENARIO void one(faultline::Scenario &s) {")
print("  s.bounds(4, 0, 0);")
print('  s.node<Node>("n");')
print('  s.deliver<Update>("n", "n", Update{%s}, 1);' % ", ".join(str(f) for f in fields))
print("}")
