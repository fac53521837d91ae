// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// The forms of switch that are not a sequence of guarded statements are
// errors that say what to write: a case label inside a nested statement,
// and a break inside a loop (a loop is a join, it has no iterations to
// break out of).

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Msg {
  int v;
};
struct FL_MESSAGE Other {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;

  FL_RECEIVE void onMsg(const Msg &m, const NodeId &from) {
    switch (m.v) {
    case 1:
      if (x == 0) {
      case 2:
        x = 2;
      // ERR: {{.*}}err-switch.cpp:[[@LINE-2]]:7: error: a case label inside a nested statement in Node::onMsg is outside what faultline can model; put each label at the top level of the switch's block
      }
      break;
    }
  }
  FL_RECEIVE void onOther(const Other &m) {
    switch (m.v) {
    default:
      for (int s : seen)
        if (s == m.v)
          break;
          // ERR: {{.*}}err-switch.cpp:[[@LINE-1]]:11: error: a break inside a loop in Node::onOther is outside what faultline can model; a loop is lowered to a join over all elements at once; test a condition instead
          // ERR-NOT: error:
    }
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
