// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// An expression outside the subset (a shift, a cast through floating point) is reported
// at the expression, naming its kind.

#include "Inputs/preamble.h"

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_STATE int y = 0;

  FL_RECEIVE void onMsg(const Msg &m) { x = m.v << 2; }
  // ERR: {{.*}}err-unsupported-expr.cpp:[[@LINE-1]]:45: error: this expression (BinaryOperator) in Node::onMsg is outside what faultline can model; use arithmetic, comparisons, state and message fields, and helper calls
  FL_PERIODIC void tick() { y = static_cast<int>(static_cast<double>(x)); }
  // ERR: {{.*}}err-unsupported-expr.cpp:[[@LINE-1]]:50: error: a conversion from 'double' to 'int' in Node::tick is outside what faultline can model; use integers, bools, enums and strings
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
