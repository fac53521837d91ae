// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A periodic handler whose body no translation unit read defines must be
// reported, like a receive handler's (the body may be in another TU of the
// database: then that TU's extraction provides it).
//
// Regression test for a fixed bug, where Collect.cpp checks hasBody() for FL_RECEIVE handlers only; a
// FL_PERIODIC handler defined in another translation unit (or not at all)
// is lowered from a null body and silently contributes nothing.

#include "Inputs/preamble.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_PERIODIC void tick();
  // ERR: {{.*}}err-periodic-no-body.cpp:[[@LINE-1]]:20: error: handler 'Node::tick' of scenario 'one' is defined in none of the translation units read; add the file that defines it
  // ERR-NOT: error:
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
