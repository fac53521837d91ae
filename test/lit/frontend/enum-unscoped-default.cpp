// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Regression test for a fixed bug, where the zero default of a state member of an *unscoped* enum type is the
// integer 0, while the enum's constants lower to the strings of their names
// (`No` is "No"). Scenarios.cpp zero() tests isIntegerType() first, which
// clang answers true for unscoped enums. So a node that never set `vote`
// fails `vote == No` in the model, though it holds in C++. (Scoped enums
// get the name of the zero enumerator, as they should.)

#include "faultline/annotations.h"

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum Vote { No, Yes };

struct FL_MESSAGE Ask {
  int id;
};

struct FL_PROCESS Voter {
  FL_STATE Vote vote;

  FL_RECEIVE void onAsk(const Ask &m, const NodeId &from) {
    if (vote == No)
      send(from, Ask{m.id});
      // CHECK:      ask(From, Node, [[I:Id_[0-9]+]])@async :- fl_current(Node, _, "ask", From, [[I]]), fl_role(Node, "Voter"), voter_vote(Node, [[V:Vote_[0-9]+]]), [[V]] == "No";
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Voter>("v"); }
// CHECK:      // {{.*}}enum-unscoped-default.cpp:[[@LINE-10]]:17
// CHECK-NEXT: voter_vote("v", "No")@1;
