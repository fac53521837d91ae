// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A loop is a join over all elements at once, so it cannot return early.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    for (int e : seen)
      if (e == m.v)
        return;
        // ERR: {{.*}}err-return-in-loop.cpp:[[@LINE-1]]:9: error: a return inside a loop in Node::onMsg is outside what faultline can model; a loop is lowered to a join over all elements at once; move the return out
        // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
