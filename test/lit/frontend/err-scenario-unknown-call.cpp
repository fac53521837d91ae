// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A scenario is a list of calls on its faultline::Scenario: a call of
// another function, or of a method of another object, is reported.

#include "faultline/annotations.h"

#include <set>
#include <string>
#include <vector>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE std::set<int> seen;
};

void setUp(faultline::Scenario &s);
std::vector<int> registry;

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  setUp(s);
  // ERR: {{.*}}err-scenario-unknown-call.cpp:[[@LINE-1]]:3: error: this statement in a scenario is outside what faultline can model; a scenario is a list of calls on its faultline::Scenario, and of helpers taking only the faultline::Scenario &
  registry.clear();
  // ERR: {{.*}}err-scenario-unknown-call.cpp:[[@LINE-1]]:3: error: this call in a scenario is outside what faultline can model; use bounds, node, init, add and deliver with constant arguments
  // ERR-NOT: error:
}
