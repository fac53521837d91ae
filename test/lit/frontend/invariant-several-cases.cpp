// RUN: %faultline extract %s -o %t.ded -- %cxxflags
// RUN: %expect-exit 1 %faultline run %t.ded --eot 2 --eff 0 --nodes a | FileCheck %s
//
// XFAIL: *
// BUG: an invariant with more than one way to fail is checked as if it
// failed only when ALL of them do. Each `if (cond) return false;` (and a
// final `return expr;`) becomes its own pre/post pair, but every pair has
// the same head tuple ("bounded", N), and a run violates the specification
// only when some pre tuple has no identical post tuple: the post of one
// case (x <= 5 holds) covers the pre of the other (y > 5). Here x = 0 and
// y = 10 break both invariants in C++, yet the run is reported ok. Each
// case needs its own tuple (e.g. a case column), or post must be the
// conjunction of all cases.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE int y = 10;
};

FL_INVARIANT bool bounded(const Node &n) {
  if (n.x > 5)
    return false;
  if (n.y > 5)
    return false;
  return true;
}

FL_INVARIANT bool boundedToo(const Node &n) {
  if (n.x > 5)
    return false;
  return n.y <= 5;
}

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(2, 0, 0);
  s.node<Node>("a");
}

// CHECK: verdict: VIOLATION
// CHECK-DAG: missing post("bounded", "a"
// CHECK-DAG: missing post("boundedToo", "a"
