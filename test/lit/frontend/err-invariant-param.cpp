// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// The parameters of an invariant are processes: an int parameter is
// reported at the parameter, an invariant without any at its name.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
};

FL_INVARIANT bool atLeast(const Node &n, int k) { return n.x >= k; }
// ERR: {{.*}}err-invariant-param.cpp:[[@LINE-1]]:46: error: the parameters of an invariant must be processes (const Role &)
FL_INVARIANT bool nothing() { return true; }
// ERR: {{.*}}err-invariant-param.cpp:[[@LINE-1]]:19: error: an invariant needs at least one process parameter
// ERR-NOT: error:

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
