// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A FL_PERIODIC handler runs at every step on every node of its role: its
// rules are triggered by fl_role alone, with no fl_current atom.

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Heartbeat {
  int round;
};

struct FL_PROCESS Monitor {
  FL_STATE std::set<NodeId> watched;
  FL_STATE int round = 0;

  FL_PERIODIC void beat() {
    for (const NodeId &n : watched)
      send(n, Heartbeat{round});
      // CHECK:      // {{.*}}periodic.cpp:[[@LINE-1]]:7 origin: Monitor::beat: send(n, Heartbeat{round});
      // CHECK-NEXT: heartbeat([[N:N_[0-9]+]], Node, [[R:Round_[0-9]+]])@async :- fl_role(Node, "Monitor"), monitor_watched(Node, [[N]]), monitor_round(Node, [[R]]);
    round += 1;
    // CHECK-NEXT: // {{.*}}periodic.cpp:[[@LINE-1]]:5 origin: Monitor::beat: round += 1;
    // CHECK-NEXT: monitor_round(Node, [[R2:Round_[0-9]+]] + 1)@next :- fl_role(Node, "Monitor"), monitor_round(Node, [[R2]]);
    // CHECK-NEXT: // {{.*}}periodic.cpp:[[@LINE-3]]:5 origin: Monitor::beat: round += 1;
    // CHECK-NEXT: fl_monitor_round_set(Node) :- fl_role(Node, "Monitor"), monitor_round(Node, [[R2]]);
    // CHECK-NOT:  fl_current(Node
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Monitor>("m"); }
