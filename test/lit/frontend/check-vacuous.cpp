// Certificates that would mean nothing say why: a scenario that reaches no
// FL_INVARIANT, and an invariant whose check is `return true;`.
//
// RUN: %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
// CHECK: warning: scenario 'unchecked': the program has no rule or fact for 'pre': no run can violate an invariant, so 'certified' would mean nothing
// CHECK: scenario 'unchecked': certified vacuously: it checks no invariant ({{.*}}invariants with a pre: 0 of 0)
// CHECK: check-vacuous.cpp:[[@LINE+25]]:{{[0-9]+}}: warning: scenario 'trivial': invariant 'alwaysFine' cannot fail: a post rule repeats every one of its pre rules
// CHECK: scenario 'trivial': certified for EOT 4, EFF 2, 0 crashes ({{.*}}invariants with a pre: 1 of 1)

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Data {
  int v;
};

struct FL_PROCESS Holder {
  FL_STATE int got = 0;
  FL_RECEIVE void onData(const Data &m) { got = m.v; }
};

struct FL_PROCESS Keeper {
  FL_STATE int kept = 0;
  FL_RECEIVE void onData(const Data &m) { kept = m.v; }
};

FL_INVARIANT bool alwaysFine(const Holder &h) { return true; }

FL_SCENARIO void trivial(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Holder>("a");
  s.deliver<Data>("a", "client", Data{7}, 1);
}

FL_SCENARIO void unchecked(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Keeper>("k");
  s.deliver<Data>("k", "client", Data{7}, 1);
}
