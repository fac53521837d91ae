// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Later statements see earlier assignments: after `x = x + 1`, `y = x`
// stores the new value (X + 1), not the x read at the start of the step,
// and only the last assignment of a scalar on a path counts.

#include "faultline/annotations.h"

struct FL_MESSAGE Tick {
  int n;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE int y = 0;

  FL_RECEIVE void onTick(const Tick &m) {
    x = x + 1;
    y = x;
    x = x * m.n;
    // CHECK:      // {{.*}}ssa.cpp:[[@LINE-1]]:5 origin: Node::onTick: x = x * m.n;
    // CHECK-NEXT: node_x(Node, ([[X:X_[0-9]+]] + 1) * [[N:N_[0-9]+]])@next :- fl_current(Node, _, "tick", From, [[N]]), fl_role(Node, "Node"), node_x(Node, [[X]]);
    // CHECK-NEXT: // {{.*}}ssa.cpp:[[@LINE-3]]:5 origin: Node::onTick: x = x * m.n;
    // CHECK-NEXT: fl_node_x_set(Node) :- fl_current(Node, _, "tick", From, [[N]]), fl_role(Node, "Node"), node_x(Node, [[X]]);
    // CHECK-NEXT: // {{.*}}ssa.cpp:[[@LINE-6]]:5 origin: Node::onTick: y = x;
    // CHECK-NEXT: node_y(Node, [[X]] + 1)@next :- fl_current(Node, _, "tick", From, [[N]]), fl_role(Node, "Node"), node_x(Node, [[X]]);
    // CHECK-NEXT: // {{.*}}ssa.cpp:[[@LINE-8]]:5 origin: Node::onTick: y = x;
    // CHECK-NEXT: fl_node_y_set(Node) :- fl_current(Node, _, "tick", From, [[N]]), fl_role(Node, "Node"), node_x(Node, [[X]]);
    // CHECK-NOT:  node_x(Node, {{.*}})@next
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// CHECK:      // <no location> origin: each node's clock
