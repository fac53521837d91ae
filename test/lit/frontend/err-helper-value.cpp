// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A helper used as a value must be a single `return <expression>;`.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  int next(int v) const {
    int w = v + 1;
    return w;
  }
  FL_RECEIVE void onMsg(const Msg &m) { x = next(m.v); }
  // ERR: {{.*}}err-helper-value.cpp:[[@LINE-1]]:45: error: a call to 'next' in an expression in Node::onMsg is outside what faultline can model; a helper used as a value must consist of one 'return <expression>;'
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
