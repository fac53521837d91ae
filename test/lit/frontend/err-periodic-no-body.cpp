// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A periodic handler whose body is not visible must be reported, like a
// receive handler's.
//
// Regression test for a fixed bug, where Collect.cpp checks hasBody() for FL_RECEIVE handlers only; a
// FL_PERIODIC handler defined in another translation unit (or not at all)
// is lowered from a null body and silently contributes nothing.

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_PERIODIC void tick();
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-periodic-no-body.cpp:21:20: error: the body of handler 'tick' must be visible in this translation unit
// ERR-NOT: error:
