// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Regression test for a fixed bug, where the zero default of a state member
// of an *unscoped* enum type and its enumerator `No` were different values
// in the model (0 and "No"), so a node that never set `vote` failed
// `vote == No` though it holds in C++. Enumerators are their values now:
// both are 0.

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
      // CHECK:      ask(From, Node, [[I:Id_[0-9]+]])@async :- fl_current(Node, _, "ask", From, [[I]]), fl_role(Node, "Voter"), voter_vote(Node, [[V:Vote_[0-9]+]]), [[V]] == 0;
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Voter>("v"); }
// CHECK:      // {{.*}}enum-unscoped-default.cpp:[[@LINE-10]]:17
// CHECK-NEXT: voter_vote("v", 0)@1;
