// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// An on-restart handler runs in the step of the restart, besides the handler
// of the message the node handles then: a scalar both assign would get two
// values in one step.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE void onMsg(const Msg &m) { x = m.v; }
  FL_ON_RESTART void recover() { x = 0; }
  // ERR: {{.*}}err-restart-writer.cpp:[[@LINE-1]]:34: error: assigning 'x' in an on-restart handler and in another handler in Node::recover is outside what faultline can model; handlers that run in the same step read the same state; let one handler own the scalar
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
