// faultline check certifies a scenario when no failure within its bounds
// breaks an invariant: here the sender retransmits from a periodic
// handler until the end, so a loss before EFF only delays the value.
//
// RUN: %faultline check %s -- %cxxflags | FileCheck %s
// CHECK:      scenario 'retried': certified for EOT 6, EFF 3, 0 crashes ({{[0-9]+ runs?}}, {{[0-9.]+}} s, fault space 16 scenarios, invariants with a pre: 1 of 1)
// CHECK-NOT:  {{.}}
//
// Command-line bounds override the scenario's: with EOT 3 the value
// cannot arrive in time even without faults.
// RUN: %expect-exit 1 %faultline check %s --eot 3 -- %cxxflags | FileCheck %s --check-prefix=SHORT
// SHORT: warning: invariant 'delivered' is violated in scenario 'retried' under: no faults [faultline]
// SHORT: scenario 'retried': counterexample

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
  FL_STATE int val = 0;

  FL_RECEIVE void onStart(const Start &m) { val = m.v; }
  FL_PERIODIC void retry() {
    if (val == 0)
      return;
    send(peer, Data{val});
  }
};

struct FL_PROCESS Receiver {
  FL_STATE int got = 0;

  FL_RECEIVE void onData(const Data &m) { got = m.v; }
};

FL_INVARIANT bool delivered(const Receiver &r) { return r.got == 7; }

FL_SCENARIO void retried(faultline::Scenario &s) {
  s.bounds(6, 3, 0);
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Start>("a", "client", Start{7}, 1);
}
