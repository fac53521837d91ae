// Certificates that would mean nothing say why: a scenario that reaches no
// FL_INVARIANT, and an invariant whose check is `return true;`.
//
// RUN: %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
// CHECK: check-vacuous.cpp:[[@LINE+24]]:19: warning: invariant 'alwaysFine' can never fail (its condition is always true), so 'certified' means nothing for it in scenario 'trivial'
// CHECK: scenario 'trivial': certified vacuously: no invariant of it can fail ({{.*}}, invariants with a pre: 0 of 1)
// CHECK: check-vacuous.cpp:[[@LINE+30]]:18: warning: scenario 'unchecked' reaches no FL_INVARIANT (none reads the state of its roles): nothing can be violated, so 'certified' would mean nothing
// CHECK: scenario 'unchecked': certified vacuously: no invariant of it can fail ({{.*}}, invariants with a pre: 0 of 0)

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
