// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s --scenario wraps -- %cxxflags | FileCheck %s --check-prefix=WRAPS
// RUN: %expect-exit 2 %faultline check %s --scenario below -- %cxxflags 2>&1 | FileCheck %s --check-prefix=BELOW
//
// Unsigned types wrap in C++: the model follows them. Below 64 bits the
// values are reduced modulo 2^N (unsigned char 250 + 10 is 4, unsigned
// 0 - 1 is 4294967295); a 64-bit unsigned value (size()) is exact while it
// stays below 2^63, and a subtraction that would go below zero stops the
// run with an error at the operator: `acks.size() - 1 > 5` with no acks is
// true in the compiled code, which the model cannot hold. (It used to be
// -1 > 5, false, and the scenario certified.)

#include "Inputs/preamble.h"

#include <cstdint>

struct FL_MESSAGE Bump {
  int by;
};
struct FL_MESSAGE Ask {
  int n;
};

struct FL_PROCESS Counter {
  FL_STATE unsigned char small = 250;
  FL_STATE unsigned wrapped = 0;
  FL_STATE std::set<NodeId> acks;
  FL_STATE int alarms = 0;

  FL_RECEIVE void onBump(const Bump &m) {
    small += m.by;
    // CHECK: counter_small(Node, ((([[S:Small_[0-9]+]] + [[B:By_[0-9]+]]) % 256) + 256) % 256)@next :- fl_current(Node, _, "bump", From, [[B]]), fl_role(Node, "Counter"), counter_small(Node, [[S]]), counter_wrapped(Node, [[W:Wrapped_[0-9]+]]);
    wrapped = wrapped - 1;
    // CHECK: counter_wrapped(Node, ((([[W]] - 1) % 4294967296) + 4294967296) % 4294967296)@next :- fl_current(Node, _, "bump", From, [[B]]), fl_role(Node, "Counter"), counter_small(Node, [[S]]), counter_wrapped(Node, [[W]]);
  }

  FL_RECEIVE void onAsk(const Ask &m, const NodeId &from) {
    if (acks.size() - 1 > 5)
      // CHECK: fl_error(Node, "this subtraction goes below zero, where the compiled code's 'unsigned long' wraps around {{.*}}", -1) :- fl_current(Node, _, "ask", From, {{.*}}), fl_role(Node, "Counter"), notin counter_acks(Node, _);
      // BELOW: {{.*}}unsigned.cpp:[[@LINE-2]]:21: error: this subtraction goes below zero, where the compiled code's 'unsigned long' wraps around to a value (2^64 minus a little) that the model cannot hold; test the operands first, or compute in a signed type: -1 (at "a", time 1)
      alarms = 1;
  }
};

FL_INVARIANT bool wrapsAround(const Counter &c) { return c.small == 4 && c.wrapped == 4294967295u; }
FL_INVARIANT bool quiet(const Counter &c) { return c.alarms == 0; }

FL_SCENARIO void wraps(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Counter>("a");
  s.deliver<Bump>("a", "c", Bump{10}, 1);
}
// WRAPS: scenario 'wraps': certified

FL_SCENARIO void below(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Counter>("a");
  s.deliver<Ask>("a", "c", Ask{1}, 1);
}
