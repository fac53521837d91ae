// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A scalar assigned by a periodic handler and by another handler of the role
// would get two values in one step (both run on the same state).

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void onMsg(const Msg &m) { x = m.v; }
  FL_PERIODIC void tick() { x = 0; }
  // ERR: {{.*}}err-periodic-writer.cpp:[[@LINE-1]]:29: error: assigning 'x' in a periodic handler and in another handler in Node::tick is outside what faultline can model; handlers that run in the same step read the same state; let one handler own the scalar
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
