// A translation unit that does not compile: clang's own error, exit 2 and
// no model on stdout.
//
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=OUT --allow-empty
// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
// CHECK:      {{.*}}cmd-bad-compile.cpp:[[@LINE+8]]:22: error: use of undeclared identifier 'undeclared'
// CHECK:      1 error generated.
// OUT-NOT:    {{.}}

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  int get() { return undeclared; }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
