// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Enum constants are their values (Vote::Yes is 1, as declared): in
// assignments, comparisons, message fields and scenario defaults (an
// in-class initializer, or else 0).

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Phase { Idle, Running, Done };
enum class Vote { Yes = 1, No = 0 };

struct FL_MESSAGE Step {
  Phase next;
};
struct FL_MESSAGE Ballot {
  Vote vote;
};

struct FL_PROCESS Machine {
  FL_STATE Phase phase = Phase::Running;
  FL_STATE Vote vote;
  FL_STATE Phase last;

  FL_RECEIVE void onStep(const Step &m, const NodeId &from) {
    if (phase == Phase::Done)
      return;
    phase = m.next;
    send(from, Ballot{Vote::Yes});
    // CHECK:      // {{.*}}enums.cpp:[[@LINE-1]]:5 origin: Machine::onStep: send(from, Ballot{Vote::Yes});
    // CHECK-NEXT: ballot(From, Node, 1)@async :- fl_current(Node, _, "step", From, [[N:Next_[0-9]+]]), fl_role(Node, "Machine"), machine_phase(Node, [[P:Phase_[0-9]+]]), [[P]] != 2;
    // CHECK-NEXT: // {{.*}}enums.cpp:[[@LINE-4]]:5 origin: Machine::onStep: phase = m.next;
    // CHECK-NEXT: machine_phase(Node, [[N]])@next :- fl_current(Node, _, "step", From, [[N]]), fl_role(Node, "Machine"), machine_phase(Node, [[P]]), [[P]] != 2;
    // CHECK:      // {{.*}}enums.cpp:[[@LINE-13]]:18
    // CHECK-NEXT: machine_phase("m", 1)@1;
    // CHECK-NEXT: // {{.*}}enums.cpp:[[@LINE-14]]:17
    // CHECK-NEXT: machine_vote("m", 0)@1;
    // CHECK-NEXT: // {{.*}}enums.cpp:[[@LINE-15]]:18
    // CHECK-NEXT: machine_last("m", 0)@1;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Machine>("m"); }
