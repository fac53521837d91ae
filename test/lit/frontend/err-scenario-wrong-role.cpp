// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// s.init and s.add must name a node of the member's role (a node that is
// declared, with that role).

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

struct FL_PROCESS Other {
  FL_STATE int y = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.node<Other>("o");
  s.init("o", &Node::x, 3);
  // ERR: {{.*}}err-scenario-wrong-role.cpp:[[@LINE-1]]:3: error: 'o' is not a node of the role that has this member
  s.add("z", &Node::seen, 3);
  // ERR: {{.*}}err-scenario-wrong-role.cpp:[[@LINE-1]]:3: error: 'z' is not a node of scenario 'one'; declare it with s.node<Role>("z")
  // ERR-NOT: error:
}
