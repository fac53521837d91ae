// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
//
// A member the handler reads or updates without FL_STATE: the advice says
// to mark it.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int last = 0;
  int commitIndex = 0;
  std::set<int> acked;

  FL_RECEIVE void onMsg(const Msg &m) {
    if (m.v > commitIndex)
      last = m.v;
    // CHECK: {{.*}}err-unmarked-member.cpp:[[@LINE-2]]:15: error: reading 'commitIndex', a member of Node that is not marked in Node::onMsg is outside what faultline can model; mark it FL_STATE if it is node state (or make it a static constexpr member if it never changes)
    commitIndex = m.v;
    // CHECK: {{.*}}err-unmarked-member.cpp:[[@LINE-1]]:5: error: assigning 'commitIndex', a member that is not marked in Node::onMsg is outside what faultline can model; mark it FL_STATE if it is node state
    acked.insert(m.v);
    // CHECK: {{.*}}err-unmarked-member.cpp:[[@LINE-1]]:5: error: 'insert' on 'acked', a member that is not marked in Node::onMsg is outside what faultline can model; mark it FL_STATE if it is node state
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
