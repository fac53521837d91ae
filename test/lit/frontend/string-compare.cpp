// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Comparisons of strings (calls of the library's operator== / operator!=,
// between strings or with a literal) are comparisons in the rule body, and
// str.empty() compares with "". Library functions are never inlined.

#include "faultline/annotations.h"

#include <string>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Ack {
  std::string payload;
};

struct FL_PROCESS Replica {
  FL_STATE std::string payload;
  FL_STATE NodeId leader;

  FL_RECEIVE void onAck(const Ack &m, const NodeId &from) {
    if (m.payload == payload && from != leader)
      send(leader, Ack{m.payload});
      // CHECK:      // {{.*}}string-compare.cpp:[[@LINE-1]]:7 origin: Replica::onAck: send(leader, Ack{m.payload});
      // CHECK-NEXT: ack([[L:Leader_[0-9]+]], Node, [[P:Payload_[0-9]+]])@async :- fl_current(Node, _, "ack", From, [[P]]), fl_role(Node, "Replica"), replica_payload(Node, [[S:Payload_[0-9]+]]), [[P]] == [[S]], replica_leader(Node, [[L]]), From != [[L]];
  }
  FL_PERIODIC void remind() {
    if (payload.empty())
      return;
    if (leader == "nobody")
      return;
    send(leader, Ack{payload});
    // CHECK-NEXT: // {{.*}}string-compare.cpp:[[@LINE-1]]:5 origin: Replica::remind: send(leader, Ack{payload});
    // CHECK-NEXT: ack([[L:Leader_[0-9]+]], Node, [[S:Payload_[0-9]+]])@async :- fl_role(Node, "Replica"), replica_payload(Node, [[S]]), [[S]] != "", replica_leader(Node, [[L]]), [[L]] != "nobody";
    // CHECK-NOT:  @async
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Replica>("r"); }

// CHECK:      // <no location> origin: each node's clock
