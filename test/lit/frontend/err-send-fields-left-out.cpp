// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A message built with fields left out (value-initialized by C++).
//
#include "Inputs/preamble.h"

struct FL_MESSAGE Pair {
  int a;
  int b;
};

struct FL_PROCESS Node {
  FL_STATE NodeId next;

  FL_PERIODIC void tick() { send(next, Pair{1}); }
  // ERR: {{.*}}err-send-fields-left-out.cpp:[[@LINE-1]]:40: error: a message with fields left out in Node::tick is outside what faultline can model; give every field of the message in order
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
