// An assert in a handler is a checked property: a run that reaches it with
// its condition false is a counterexample, reported at the assert with its
// story. The receiver asserts that items come in order; losing the first
// one breaks it. Nothing else states the property: no FL_INVARIANT.
// RUN: %expect-exit 1 %faultline check %s --scenario lossy -- %cxxflags | FileCheck %s
//
// Without losses the assert holds in every run: certified, and the summary
// counts the asserts checked.
// RUN: %faultline check %s --scenario reliable -- %cxxflags | FileCheck %s --check-prefix=CERT
// CERT: scenario 'reliable': certified for EOT 5, EFF 0, 0 crashes (1 run, {{[0-9.]+}} s, fault space 1 scenarios, invariants with a pre: 0 of 0, asserts checked: 2)
//
// NOLINT(faultline) on the assert's line silences its counterexamples.
// RUN: sed 's|^    assert(seq == next);|    assert(seq == next); // NOLINT(faultline)|' %s > %t.cpp
// RUN: %faultline check %t.cpp --scenario lossy -- %cxxflags -I%S | FileCheck %s --check-prefix=NOLINT
// NOLINT: scenario 'lossy': counterexample suppressed by NOLINT(faultline) at the invariant
//
// The extracted model is plain Dedalus: ldfi finds the same failure in it
// by exhaustive enumeration, as a pre without post.
// RUN: %faultline extract %s --scenario lossy -o %t.ded -- %cxxflags
// RUN: %expect-exit 1 %faultline ldfi %t.ded --eot 5 --eff 3 --crashes 0 --nodes a,b \
// RUN:   --strategy exhaustive | FileCheck %s --check-prefix=EXH
// EXH: counterexample 1 (run {{[0-9]+}}): omit a->b@1
// EXH:   missing post("assert(seq == next) in Receiver::check", 1, "b", 3)
// EXH: fault space: 16 scenarios, invariants with a pre: 0 of 0

#include "Inputs/preamble.h"

#include <cassert>

struct FL_MESSAGE Item {
  int seq;
};
struct FL_MESSAGE Data {
  int seq;
};

struct FL_PROCESS Receiver {
  FL_STATE int next = 1;

  FL_RECEIVE void onData(const Data &m) {
    check(m.seq);
    next = m.seq + 1;
  }

  // An assert in a helper is reported in the helper, where it is written.
  void check(int seq) {
    assert(seq >= 1);
    assert(seq == next);
  }
  // CHECK:       {{.*}}assert-check.cpp:[[@LINE-2]]:5: warning: assert(seq == next) in Receiver::check fails in scenario 'lossy' under: omit a->b@1 [faultline]
  // CHECK-NEXT:  assert(seq == next);
  // CHECK-NEXT:  ^
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onItem(const Item &m) { send(peer, Data{m.seq}); }
  // CHECK:      {{.*}}assert-check.cpp:[[@LINE-1]]:43: note: at time 1, the 'data' message a -> b sent here is lost
};
// The story ends where the assert fails: the receiver's handler, then the
// assert (its line shown) with the node and the step.
// CHECK:      note: at time 3, node b handles 'data' from a in Receiver::onData
// CHECK:      {{.*}}assert-check.cpp:{{[0-9]+}}:5: note: assert(seq == next) is false at node b at time 3
// CHECK-NEXT: assert(seq == next);
// CHECK:      scenario 'lossy': counterexample ({{[0-9]+}} runs, {{[0-9.]+}} s, fault space 16 scenarios, invariants with a pre: 0 of 0, asserts checked: 2)

static void twoItems(faultline::Scenario &s) {
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Item>("a", "client", Item{1}, 1);
  s.deliver<Item>("a", "client", Item{2}, 2);
}

FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(5, 3, 0);
  twoItems(s);
}

FL_SCENARIO void reliable(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  twoItems(s);
}
