// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// The arguments of a scenario's calls must be constants: bounds, node names,
// initial values, message fields and times.

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

int fromConfig();

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(fromConfig(), 2, 0);
  // ERR: {{.*}}err-scenario-nonconstant.cpp:[[@LINE-1]]:12: error: expected a constant integer
  s.node<Node>("a");
  s.init("a", &Node::x, fromConfig());
  // ERR: {{.*}}err-scenario-nonconstant.cpp:[[@LINE-1]]:25: error: expected a constant: an integer, bool, enum constant or string
  s.deliver<Msg>("a", "b", Msg{fromConfig()}, 1);
  // ERR: {{.*}}err-scenario-nonconstant.cpp:[[@LINE-1]]:32: error: expected a constant: an integer, bool, enum constant or string
  s.deliver<Msg>("a", "b", Msg{1}, fromConfig());
  // ERR: {{.*}}err-scenario-nonconstant.cpp:[[@LINE-1]]:36: error: expected a constant integer
  // ERR-NOT: error:
}
