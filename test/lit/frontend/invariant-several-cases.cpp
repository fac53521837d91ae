// RUN: %faultline extract %s -o %t.ded -- %cxxflags
// RUN: %expect-exit 1 %faultline run %t.ded --eot 2 --eff 0 --nodes a | FileCheck %s
//
// An invariant with several ways to fail fails when any of them does: each
// case is its own pre/post pair (the column after the name numbers it).

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
// CHECK-DAG: missing post("bounded", 2, "a"
// CHECK-DAG: missing post("boundedToo", 2, "a"
