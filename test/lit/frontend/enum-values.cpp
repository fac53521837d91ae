// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=VERDICT
//
// Enumerators are their values, explicit values included, as in the
// compiled code: Committed (2) >= Prepared (1) holds though "Committed"
// sorts before "Prepared", static_cast<int>(e) is e's value and
// static_cast<Phase>(i) the enumerator whose value is i. (The model used to
// compare the enumerators' names: this scenario was a counterexample.)

#include "Inputs/preamble.h"

enum class Phase { Committed = 2, Prepared = 1, Aborted = 0 };

struct FL_MESSAGE Decide {
  Phase phase;
};

struct FL_PROCESS Replica {
  FL_STATE Phase phase = Phase::Aborted;
  FL_STATE int code = 0;
  FL_STATE Phase back = Phase::Aborted;

  FL_RECEIVE void onDecide(const Decide &m) {
    if (m.phase >= Phase::Prepared)
      phase = m.phase;
    // CHECK: replica_phase(Node, [[P:Phase_[0-9]+]])@next :- fl_current(Node, _, "decide", From, [[P]]), fl_role(Node, "Replica"), [[P]] >= 1;
    code = static_cast<int>(m.phase) * 10;
    // CHECK: replica_code(Node, [[P]] * 10)@next :- {{.*}}, [[P]] >= 1;
    back = static_cast<Phase>(code / 10 - 1);
    // CHECK: replica_back(Node, (([[P]] * 10) / 10) - 1)@next :- {{.*}}, [[P]] >= 1;
  }
};

FL_INVARIANT bool decided(const Replica &r) {
  return r.phase == Phase::Committed && r.code == 20 && r.back == Phase::Prepared;
}

FL_SCENARIO void commit(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Replica>("r");
  s.deliver<Decide>("r", "c", Decide{Phase::Committed}, 1);
  // CHECK: decide("r", "c", 2)@1;
}
// CHECK: replica_phase("r", 0)@1;
// VERDICT: scenario 'commit': certified
