// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A switch in a handler is outside the subset (write it as if/else).

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    switch (m.v) {
    case 1:
      x = 1;
      break;
    default:
      break;
    }
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-switch.cpp:23:5: error: a 'SwitchStmt' statement in Node::onMsg is outside what faultline can model; use if/else, early return, and range-for loops over state sets
// ERR-NOT: error:
