// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A node's name must be a string literal, and its role a FL_PROCESS.

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

const char *name();

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>(name());
  // ERR: {{.*}}err-scenario-node-name.cpp:[[@LINE-1]]:16: error: expected a node name as a string literal
  s.node<Msg>("m");
  // ERR: {{.*}}err-scenario-node-name.cpp:[[@LINE-1]]:3: error: s.node<Role>(...) needs a FL_PROCESS type as Role
  // ERR-NOT: error:
  s.node<Node>("a");
}
