// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline extract %s --scenario quiet -- %cxxflags | FileCheck %s --check-prefix=QUIET
//
// A scenario's facts, all at time 1 but the messages: each node's role and
// clock, every scalar's initial value (s.init, else the in-class
// initializer, else zero: 0, false and an enum as 0, and ""), the elements s.add puts in sets, and each s.deliver as a message
// fact at its time. The header gives the bounds and the nodes.

#include "faultline/annotations.h"

#include <set>
#include <string>

using faultline::NodeId;

enum class Role { Follower, Leader };

struct FL_MESSAGE Start {
  int term;
};

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE int term = 1;
  FL_STATE bool voted;
  FL_STATE std::string note;
  FL_STATE std::string tag = "t0";
  FL_STATE Role role;
  FL_STATE std::set<NodeId> peers;
};
struct FL_PROCESS Client {
  FL_STATE int sent;
};

FL_SCENARIO void busy(faultline::Scenario &s) {
  s.bounds(7, 4, 1);
  s.node<Server>("s1");
  s.node<Client>("c");
  s.init("s1", &Server::term, 5);
  s.init("s1", &Server::role, Role::Leader);
  s.add("s1", &Server::peers, "s2");
  s.add("s1", &Server::peers, "s3");
  s.deliver<Start>("s1", "c", Start{3}, 1);
  // Without --scenario, the first, then a pointer to the others.
  // CHECK:      // faultline extract: scenario 'busy'
  // CHECK-NEXT: // run with: --eot 7 --eff 4 --crashes 1 --nodes s1,c
  // CHECK:      // {{.*}}scenario.cpp:[[@LINE-4]]:3
  // CHECK-NEXT: start("s1", "c", 3)@1;
  s.deliver<Start>("s1", "c", Start{4}, 3);
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-1]]:3
  // CHECK-NEXT: start("s1", "c", 4)@3;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-17]]:18
  // CHECK-NEXT: fl_role("s1", "Server")@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-19]]:18
  // CHECK-NEXT: fl_now("s1", 1)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-31]]:17
  // CHECK-NEXT: server_voted("s1", 0)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-32]]:24
  // CHECK-NEXT: server_note("s1", "")@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-33]]:24
  // CHECK-NEXT: server_tag("s1", "t0")@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-27]]:18
  // CHECK-NEXT: fl_role("c", "Client")@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-29]]:18
  // CHECK-NEXT: fl_now("c", 1)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-34]]:16
  // CHECK-NEXT: client_sent("c", 0)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-29]]:3
  // CHECK-NEXT: server_term("s1", 5)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-30]]:3
  // CHECK-NEXT: server_role("s1", 1)@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-31]]:3
  // CHECK-NEXT: server_peers("s1", "s2")@1;
  // CHECK-NEXT: // {{.*}}scenario.cpp:[[@LINE-32]]:3
  // CHECK-NEXT: server_peers("s1", "s3")@1;
  // CHECK-NEXT: // (more scenarios: pick one with --scenario NAME)
  // CHECK-NOT:  {{.}}
}

FL_SCENARIO void quiet(faultline::Scenario &s) { s.node<Client>("c"); }
// QUIET:      // faultline extract: scenario 'quiet'
// QUIET-NEXT: // run with: --eot 3 --eff 2 --crashes 0 --nodes c
// QUIET:      // {{.*}}scenario.cpp:[[@LINE-3]]:18
// QUIET-NEXT: fl_role("c", "Client")@1;
// QUIET-NEXT: // {{.*}}scenario.cpp:[[@LINE-5]]:18
// QUIET-NEXT: fl_now("c", 1)@1;
// QUIET-NEXT: // {{.*}}scenario.cpp:[[@LINE-55]]:16
// QUIET-NEXT: client_sent("c", 0)@1;
// QUIET-NOT:  {{.}}
