// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A classic for loop in a handler is outside the subset.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    for (int i = 0; i < m.v; ++i)
      seen.insert(i);
    // ERR: {{.*}}err-for.cpp:[[@LINE-2]]:5: error: a for loop (other than a range-for) in Node::onMsg is outside what faultline can model; use if/else, early return, range-for loops over state containers, and `while (v.size() > n) v.pop_back();` to truncate a state vector
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
