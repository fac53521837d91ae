// --scenario NAME picks one FL_SCENARIO function; an unknown name: exit 2.
//
// RUN: %expect-exit 2 %faultline extract %s --scenario nope -- %cxxflags 2>&1 | FileCheck %s
// RUN: %expect-exit 2 %faultline check %s --scenario nope -- %cxxflags 2>&1 | FileCheck %s
// CHECK: faultline: error: no scenario named 'nope'
//
// RUN: %faultline extract %s --scenario second -- %cxxflags | FileCheck %s --check-prefix=PICK
// PICK:     // faultline extract: scenario 'second'
// PICK-NOT: scenario 'first'
// PICK-NOT: more scenarios

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_SCENARIO void first(faultline::Scenario &s) { s.node<Node>("a"); }
FL_SCENARIO void second(faultline::Scenario &s) { s.node<Node>("b"); }
