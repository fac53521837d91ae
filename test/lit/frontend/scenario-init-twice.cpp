// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A scalar has one initial value: initializing it twice is an error at the
// second call.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.init("a", &Node::x, 1);
  s.init("a", &Node::x, 2);
  // ERR: {{.*}}scenario-init-twice.cpp:[[@LINE-1]]:3: error: 'x' of 'a' is initialized twice
  // ERR-NOT: error:
}
