// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ERR
//
// A FL_PERIODIC handler runs at every step and takes no parameters.

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  FL_PERIODIC void tick(int by) { x += by; }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// ERR: {{.*}}err-periodic-params.cpp:16:20: error: a FL_PERIODIC handler takes no parameters
// ERR-NOT: error:
