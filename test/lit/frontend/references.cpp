// RUN: %faultline check %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags -DWRONG | FileCheck %s --check-prefix=WRONG
//
// A write through a reference is a write of what it refers to, as in C++:
// a local reference to a scalar member or to a struct member, an
// out-parameter of a helper, a reference to a set. Each value the handler
// computes is checked by the invariant, so a write that vanished (the
// reference taken as a copy) is a violation with no fault.

#include "Inputs/preamble.h"

struct Op {
  int term;
  int value;
};

struct FL_MESSAGE Put {
  int v;
};

struct FL_PROCESS Store {
  FL_STATE int last = 0;
  FL_STATE Op current = {0, 0};
  FL_STATE int doubled = 0;
  FL_STATE std::set<int> seen;

  void twice(int &out, int v) { out = 2 * v; }

  FL_RECEIVE void onPut(const Put &m) {
    int &l = last;
    l = m.v;
    Op &op = current;
    op.value = m.v + 1;
    twice(doubled, m.v);
    auto &s = seen;
    s.insert(m.v);
  }
};

#ifdef WRONG
#define EXPECTED_LAST 0
#else
#define EXPECTED_LAST 7
#endif

FL_INVARIANT bool written(const Store &s) {
  return s.last == EXPECTED_LAST && s.current.value == 8 && s.current.term == 0 &&
         s.doubled == 14 && s.seen.count(7) == 1;
}

FL_SCENARIO void one(faultline::Scenario &sc) {
  sc.bounds(4, 0, 0);
  sc.node<Store>("a");
  sc.deliver<Put>("a", "a", Put{7}, 1);
}
// CHECK: scenario 'one': certified
// WRONG: warning: invariant 'written' is violated in scenario 'one' under: no faults
