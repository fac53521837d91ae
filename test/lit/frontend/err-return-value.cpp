// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A handler returns nothing: a `return <value>;` in a (non-void) FL_RECEIVE
// handler is reported at the return.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_RECEIVE int onMsg(const Msg &m) {
    x = m.v;
    return x;
    // ERR: {{.*}}err-return-value.cpp:[[@LINE-1]]:5: error: a return with a value in Node::onMsg is outside what faultline can model; handlers return void
    // ERR-NOT: error:
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
