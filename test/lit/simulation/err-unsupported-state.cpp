// RUN: %expect-exit 2 %faultline extract --emit=simulation %s -- %cxxflags > %t.out 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: count 0 < %t.out
//
// The set-up is generated from what the frontend collects, so what it
// rejects in the declarations stops the generation, at its location, and
// nothing is written.

#include "faultline/annotations.h"

#include <list>

namespace queue {

struct FL_PROCESS Node {
  FL_SELF faultline::NodeId self;
  FL_STATE std::list<int> pending;
  // CHECK: err-unsupported-state.cpp:[[@LINE-1]]:27: error: state member 'pending' of type 'std::list<int>' is outside what faultline can model; state must be
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

} // namespace queue
