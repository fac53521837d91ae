// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// XFAIL: *
// BUG: helpers cannot be called from an invariant when they touch a
// process: a free helper taking the process parameters fails with "a use
// of 'a' is outside what faultline can model" (bindArguments evaluates the
// argument as a value; it should bind the parameter to the same process),
// and a member helper called on a parameter fails inside the helper with
// "this member access" (its `this` is not bound to the object it was
// called on). Handlers can call member helpers on their own node; §4 of the
// spec lists helper calls among what lowering covers.

#include "faultline/annotations.h"

struct FL_PROCESS Node {
  FL_STATE int x = 0;

  bool positive() const { return x > 0; }
};

static bool same(const Node &a, const Node &b) { return a.x == b.x; }

FL_INVARIANT bool agree(const Node &a, const Node &b) { return same(a, b); }
FL_INVARIANT bool positive(const Node &a) { return a.positive(); }

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

// CHECK:      post("agree", [[A:A_[0-9]+]], [[B:B_[0-9]+]]) :- fl_role([[A]], "Node"), fl_role([[B]], "Node"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), node_x([[A]], [[XA:X_[0-9]+]]), node_x([[B]], [[XB:X_[0-9]+]]), [[XA]] == [[XB]];
// CHECK:      post("positive", [[P:A_[0-9]+]], 0) :- fl_role([[P]], "Node"), notin crash([[P]], [[P]], _), node_x([[P]], [[X:X_[0-9]+]]), [[X]] > 0;
