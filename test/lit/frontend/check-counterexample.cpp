// faultline check on a protocol with a known counterexample: the sender
// forwards the client's value once, and the message can be lost (EFF 3). The story: the
// invariant, what led to the failure (the lost send), the values that broke it; -v: all.
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 1 %faultline check %s --verbose -- %cxxflags | FileCheck %s --check-prefix=VERBOSE
//
//
// With a crash allowed and no loss, the sender crashing first is the
// counterexample, told at the scenario.
// RUN: %expect-exit 1 %faultline check %s --eff 0 --crashes 1 -- %cxxflags \
// RUN:   | FileCheck %s --check-prefix=CRASH

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Start {
  int v;
};
struct FL_MESSAGE Data {
  int v;
};

struct FL_PROCESS Sender {
  FL_STATE NodeId peer = "b";

  FL_RECEIVE void onStart(const Start &m) {
    // VERBOSE:      {{.*}}check-counterexample.cpp:[[@LINE-1]]:19: note: at time 1, node a handles 'start' from client in Sender::onStart
    // VERBOSE-NEXT: FL_RECEIVE void onStart(const Start &m) {
    // VERBOSE-NEXT: ^
    // VERBOSE-NEXT: {{.*}}check-counterexample.cpp:[[@LINE+1]]:5: note: at time 1, the 'data' message a -> b sent here is lost
    send(peer, Data{m.v});
  }
};

struct FL_PROCESS Receiver {
  FL_STATE int got = 0;

  FL_RECEIVE void onData(const Data &m) { got = m.v; }
};

FL_INVARIANT bool delivered(const Receiver &r) { return r.got == 7; }
// CHECK:      {{.*}}check-counterexample.cpp:[[@LINE-1]]:19: warning: invariant 'delivered' is violated in scenario 'lossy' under: omit a->b@1 [faultline]
// CHECK-NEXT: FL_INVARIANT bool delivered(const Receiver &r) { return r.got == 7; }
// CHECK-NEXT: {{^}}                  ^
// CHECK-NEXT: {{.*}}check-counterexample.cpp:[[@LINE-14]]:5: note: at time 1, the 'data' message a -> b sent here is lost
// CHECK-NEXT: send(peer, Data{m.v});
// CHECK-NEXT: ^
// CHECK-NEXT: {{.*}}check-counterexample.cpp:[[@LINE-7]]:19: note: delivered(r = b) is false at the end of time 4
// CHECK-NEXT: FL_INVARIANT bool delivered(const Receiver &r) { return r.got == 7; }
// CHECK-NEXT: ^
// CHECK-NEXT: scenario 'lossy': counterexample ({{[0-9]+}} runs, {{[0-9.]+}} s, fault space 16 scenarios, invariants with a pre: 1 of 1)
// CHECK-NOT:  {{.}}

FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(4, 3, 0);
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Start>("a", "client", Start{7}, 1);
}
// CRASH:      {{.*}}check-counterexample.cpp:[[@LINE-19]]:19: warning: invariant 'delivered' is violated in scenario 'lossy' under: crash a@1 [faultline]
// CRASH:      {{.*}}check-counterexample.cpp:[[@LINE-7]]:18: note: at time 1, node a crashes
// CRASH-NOT:  handles
// CRASH:      {{.*}}check-counterexample.cpp:[[@LINE-22]]:19: note: delivered(r = b) is false at the end of time 4
// CRASH:      scenario 'lossy': counterexample ({{[0-9]+}} runs, {{[0-9.]+}} s, fault space {{[0-9]+}} scenarios, invariants with a pre: 1 of 1)
