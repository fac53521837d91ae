// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Regression test for a fixed bug, where an implicit int -> bool conversion is dropped (strip() removes every
// implicit cast, IntegralToBoolean included), so `ready = m.count;` stores
// the integer itself: with count == 5 the model holds ready == 5, and then
// `ready == true` (compared as ready == 1) is false, and a Bool field sent
// from it carries 5, where C++ has true (1). A conversion to bool must
// lower to the truth value (1 where the value is != 0, 0 where it is 0).

#include "faultline/annotations.h"

struct FL_MESSAGE Batch {
  int count;
};

struct FL_PROCESS Node {
  FL_STATE bool ready = false;

  FL_RECEIVE void onBatch(const Batch &m) { ready = m.count; }
  // CHECK:      // {{.*}}bool-conversion.cpp:[[@LINE-1]]:45 origin: Node::onBatch: ready = m.count;
  // CHECK-NEXT: node_ready(Node, 1)@next :- fl_current(Node, _, "batch", From, [[C:Count_[0-9]+]]), fl_role(Node, "Node"), [[C]] != 0;
  // CHECK:      node_ready(Node, 0)@next :- fl_current(Node, _, "batch", From, [[C]]), fl_role(Node, "Node"), [[C]] == 0;
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }
