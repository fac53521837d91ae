// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// While, do-while and plain for loops in handlers are unrolled
// (loops.cpp); a declaration in a loop's condition, and such a loop in an
// invariant, are errors at the loop.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m) {
    int n = m.v;
    while (int left = n - x) {
      // ERR: {{.*}}err-while.cpp:[[@LINE-1]]:5: error: a declaration in a while loop's condition in Node::onMsg is outside what faultline can model; declare the variable before the loop
      n = left - 1;
    }
  }
};

FL_INVARIANT inline bool small(const Node &n) {
  for (int i = 0; i < 3; ++i)
    if (n.x == i)
      return false;
  // ERR: {{.*}}err-while.cpp:[[@LINE-3]]:3: error: a for loop (other than a range-for) is outside what faultline can model; an invariant states its property with if/else, returns, range-for loops over state containers and the <algorithm> tests
  // ERR-NOT: error:
  return true;
}

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
