// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A FL_PERIODIC handler runs at every step and takes no parameters.

#include "Inputs/preamble.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_PERIODIC void tick(int by) { x += by; }
  // ERR: {{.*}}err-periodic-params.cpp:[[@LINE-1]]:20: error: a FL_PERIODIC handler takes no parameters
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
