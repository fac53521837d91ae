// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DBODY 2>&1 | FileCheck %s --check-prefix=BODY
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DCOMPUTED 2>&1 | FileCheck %s --check-prefix=COMPUTED
//
// A node starts as the simulator makes it, with `Role()`: containers with
// their in-class initializers' elements, members with the default
// constructor's member initializers (which win over in-class ones), as
// facts at time 1; a vector's scenario elements go after its initial ones.
// (The model used to start containers empty and constructor-set members
// at 0.) A statement in the constructor's body, or an initializer that is
// not constants in braces, is an error.

#include "Inputs/preamble.h"

#include <map>
#include <vector>

struct FL_MESSAGE Ping {
  int n;
};

struct FL_PROCESS Node {
  FL_STATE std::set<int> seen = {3, 1};
  FL_STATE std::map<std::string, int> votes{{"a", 1}, {"b", 2}};
  FL_STATE std::vector<int> log{7, 8};
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::set<int> none = {};
  FL_STATE int term = 4;
  FL_STATE int start;
#ifdef COMPUTED
  FL_STATE std::vector<int> zeros = std::vector<int>(3, 0);
  // COMPUTED: {{.*}}state-initializers.cpp:[[@LINE-1]]:37: error: this initializer of 'zeros' is outside what faultline can model; list its elements as constants in braces (`= {1, 2}`), or add them in the scenarios with s.add(...) and s.put(...)
#endif

  Node() : peers{"x", "y"}, term(9), start(5) {
#ifdef BODY
    term = 2;
    // BODY: {{.*}}state-initializers.cpp:[[@LINE-1]]:5: error: a statement in the constructor of a FL_PROCESS is outside what faultline can model; initialize state in the constructor's member initializer list, or where the member is declared (`int x = 5;`)
#endif
  }

  FL_RECEIVE void onPing(const Ping &m) { seen.insert(m.n); }
};

FL_SCENARIO void one(faultline::Scenario &s) {
  s.node<Node>("a");
  s.add("a", &Node::log, 100);
  s.put("a", &Node::votes, "b", 5);
}
// CHECK:      node_seen("a", 3)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-28]]:31
// CHECK-NEXT: node_seen("a", 1)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-29]]:44
// CHECK-NEXT: node_votes("a", "a", 1)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-30]]:32
// CHECK-NEXT: node_log("a", 0, 7)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-32]]:32
// CHECK-NEXT: node_log("a", 1, 8)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-24]]:12
// CHECK-NEXT: node_peers("a", "x")@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-26]]:12
// CHECK-NEXT: node_peers("a", "y")@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-35]]:16
// CHECK-NEXT: node_term("a", 9)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-36]]:16
// CHECK-NEXT: node_start("a", 5)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-19]]:3
// CHECK-NEXT: node_votes("a", "b", 5)@1;
// CHECK-NEXT: // {{.*}}state-initializers.cpp:[[@LINE-22]]:3
// CHECK-NEXT: node_log("a", 2, 100)@1;
