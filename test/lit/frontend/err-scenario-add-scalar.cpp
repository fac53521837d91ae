// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// s.add puts an element in a set; s.init sets a scalar.

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
  s.add("a", &Node::x, 3);
  // ERR: {{.*}}err-scenario-add-scalar.cpp:[[@LINE-1]]:3: error: use s.init(...) to set a scalar
  s.init("a", &Node::seen, 3);
  // ERR: {{.*}}err-scenario-add-scalar.cpp:[[@LINE-1]]:3: error: use s.add(...) to put an element in a set
  // ERR-NOT: error:
}
