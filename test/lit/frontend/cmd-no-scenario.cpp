// Files without any FL_SCENARIO function have nothing to run: exit 2.
//
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
// CHECK: faultline: error: no FL_SCENARIO function in these files

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

// Not a scenario: unmarked.
void setUp(faultline::Scenario &s) { s.node<Node>("a"); }
