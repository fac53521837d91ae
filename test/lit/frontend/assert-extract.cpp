// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DASSERT_IN_INVARIANT 2>&1 \
// RUN:   | FileCheck %s --check-prefix=INV
//
// An assert becomes a rule deriving fl_assert where a path reaches it with
// its condition false; the paths go on where it holds, as the C++ does
// after it. A failed assert stays failed to the end, where an invariant
// case reads it: a pre without a post, for a node that never crashed.
//
// Under -DNDEBUG the assert is compiled out: there is no condition left to
// check. faultline says so under -v, and how to check it anyway.
// RUN: %faultline extract %s -v -- %cxxflags -DNDEBUG 2>&1 | FileCheck %s --check-prefix=NDEBUG
// NDEBUG-NOT: fl_assert

#include "Inputs/preamble.h"

#include <cassert>

struct FL_MESSAGE Msg {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int limit = 3;
  FL_STATE int last = 0;

  FL_RECEIVE void onMsg(const Msg &m) {
    assert(m.v < limit);
    // CHECK:      // {{.*}}assert-extract.cpp:[[@LINE-1]]:5 origin: Node::onMsg: assert(m.v < limit);
    // CHECK-NEXT: fl_assert(Node, "assert(m.v < limit) in Node::onMsg", [[T:Time_[0-9]+]]) :- fl_current(Node, _, "msg", From, [[V:V_[0-9]+]]), fl_role(Node, "Node"), node_limit(Node, [[L:Limit_[0-9]+]]), [[V]] >= [[L]], fl_now(Node, [[T]]);
    // NDEBUG: {{.*}}assert-extract.cpp:[[@LINE-3]]:5: note: faultline ignores 'assert(m.v < limit)' in Node::onMsg: compiled out by NDEBUG, so not checked (extract with --extra-arg=-UNDEBUG to check it)
    last = m.v;
    // CHECK:      // {{.*}}assert-extract.cpp:[[@LINE-1]]:5 origin: Node::onMsg: last = m.v;
    // CHECK-NEXT: node_last(Node, [[V]])@next :- fl_current(Node, _, "msg", From, [[V]]), fl_role(Node, "Node"), node_limit(Node, [[L2:Limit_[0-9]+]]), [[V]] < [[L2]];
  }
};

#ifdef ASSERT_IN_INVARIANT
FL_INVARIANT inline bool small(const Node &n) {
  assert(n.last < 10);
  // INV: {{.*}}assert-extract.cpp:[[@LINE-1]]:3: error: an assert in an invariant is outside what faultline can model; state the property as 'if (!(condition)) return false;'
  return true;
}
#endif

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.deliver<Msg>("a", "client", Msg{5}, 1);
}
// CHECK: fl_assert(N, A, T)@next :- fl_assert(N, A, T);
// CHECK: pre("assert(m.v < limit) in Node::onMsg", 1, Node, Time) :- fl_assert(Node, "assert(m.v < limit) in Node::onMsg", Time), notin crash(Node, Node, _);
// CHECK-NOT: post(
// NDEBUG-NOT: fl_assert
