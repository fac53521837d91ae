// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Helpers in invariants: a free helper taking the processes reads their
// state, and a member helper called on a parameter reads that process's.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  bool positive() const { return x > 0; }
};

static bool same(const Node &a, const Node &b) { return a.x == b.x; }

FL_INVARIANT bool agree(const Node &a, const Node &b) { return same(a, b); }
FL_INVARIANT bool positive(const Node &a) { return a.positive(); }

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// CHECK:      post("agree", 1, [[A:A_[0-9]+]], [[B:B_[0-9]+]]) :- fl_role([[A]], "Node"), fl_role([[B]], "Node"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), node_x([[A]], [[XA:X_[0-9]+]]), node_x([[B]], [[XB:X_[0-9]+]]), [[XA]] == [[XB]];
// CHECK:      post("positive", 1, [[P:A_[0-9]+]], 0) :- fl_role([[P]], "Node"), notin crash([[P]], [[P]], _), node_x([[P]], [[X:X_[0-9]+]]), [[X]] > 0;
