// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A call to a function whose body is not visible (declared only) cannot be
// inlined: as a value and as a statement.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

int lookup(int key);
void audit(int key);

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void onMsg(const Msg &m) { x = lookup(m.v); }
  // ERR: {{.*}}err-call-no-body.cpp:[[@LINE-1]]:45: error: a call to 'lookup' in Node::onMsg is outside what faultline can model; call helpers whose body is visible, std::min, std::max, or set queries
  FL_PERIODIC void tick() { audit(x); }
  // ERR: {{.*}}err-call-no-body.cpp:[[@LINE-1]]:29: error: a call to 'audit' in Node::tick is outside what faultline can model; call the send primitive, insert/erase on state sets, or helpers whose body is visible
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
