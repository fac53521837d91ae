// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// An invariant that returns false unconditionally is rejected: it fails
// under a condition.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_INVARIANT bool never(const Node &n) {
  return false;
  // ERR: {{.*}}err-invariant-return-false.cpp:[[@LINE-1]]:3: error: an unconditional 'return false' is outside what faultline can model; an invariant fails under a condition: write 'if (cond) return false;'
  // ERR-NOT: error:
}

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
