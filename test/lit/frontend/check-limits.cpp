// check takes the evaluation limits of run and ldfi: a run over the tuple
// limit or a step over the derivation limit stops with an error (exit 2),
// and a zero limit is rejected; under the defaults the scenario is certified.
//
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=OK
// OK: scenario 'two': certified
// RUN: %expect-exit 2 %faultline check %s --max-tuples 5 -- %cxxflags 2>&1 | FileCheck %s --check-prefix=TUPLES
// TUPLES: error: the run exceeds 5 tuples (at time step {{[0-9]+}}); --max-tuples raises the limit
// RUN: %expect-exit 2 %faultline check %s --max-step-derivations 3 -- %cxxflags 2>&1 | FileCheck %s --check-prefix=STEP
// STEP: error: time step {{[0-9]+}} exceeds 3 derivations
// RUN: %expect-exit 2 %faultline check %s --max-tuples 0 -- %cxxflags 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: faultline: error: --max-tuples must be at least 1

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ping {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE int got = 0;
  FL_RECEIVE void onPing(const Ping &m) { got = m.v; }
};

FL_INVARIANT bool pinged(const Node &n) { return n.got == 1; }

FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.deliver<Ping>("a", "client", Ping{1}, 1);
  s.deliver<Ping>("b", "client", Ping{1}, 1);
}
