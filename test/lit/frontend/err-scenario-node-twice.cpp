// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A node name is declared once per scenario.

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

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.node<Node>("b");
  s.node<Node>("a"); // again
  // ERR: {{.*}}err-scenario-node-twice.cpp:[[@LINE-1]]:3: error: node 'a' is declared twice
  // ERR-NOT: error:
}
