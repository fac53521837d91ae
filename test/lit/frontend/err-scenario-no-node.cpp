// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A scenario without any node is reported at the scenario's name.

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

FL_SCENARIO void empty(faultline::Scenario &s) { s.bounds(3, 1, 0); }
// ERR: {{.*}}err-scenario-no-node.cpp:[[@LINE-1]]:18: error: scenario 'empty' declares no node (s.node<Role>("a"))
// ERR-NOT: error:
