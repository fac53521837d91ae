// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// std::all_of / none_of over a state set are loops: pre for each element,
// post where the predicate holds (does not hold); std::any_of is pre where
// the nodes are, post where some element satisfies the predicate.

#include "faultline/annotations.h"
#include <algorithm>
#include <set>
using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);
struct FL_MESSAGE Put { int v; };
struct FL_PROCESS Node {
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::set<int> log;
  FL_RECEIVE void onPut(const Put &p) {
    log.insert(p.v);
    for (const NodeId &q : peers) send(q, Put{p.v});
  }
};
FL_INVARIANT bool agreement(const Node &a, const Node &b) {
  return std::all_of(a.log.begin(), a.log.end(), [&](int x) { return b.log.count(x) > 0; });
  // CHECK: pre("agreement", 1, [[A:A_[0-9]+]], [[B:B_[0-9]+]], [[X:X_[0-9]+]]) :- fl_role([[A]], "Node"), fl_role([[B]], "Node"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), node_log([[A]], [[X]]);
  // CHECK-NEXT: // {{.*}}quantifiers.cpp:[[@LINE-2]]:3 origin: invariant agreement: return std::all_of
  // CHECK-NEXT: post("agreement", 1, [[A]], [[B]], [[X]]) :- fl_role([[A]], "Node"), fl_role([[B]], "Node"), notin crash([[A]], [[A]], _), notin crash([[B]], [[B]], _), node_log([[A]], [[X]]), node_log([[B]], [[X]]);
}
FL_INVARIANT bool nonEmpty(const Node &a) {
  return std::any_of(a.log.begin(), a.log.end(), [](int x) { return x > 0; });
  // CHECK: pre("nonEmpty", 1, [[N:A_[0-9]+]], 0, 0) :- fl_role([[N]], "Node"), notin crash([[N]], [[N]], _);
  // CHECK-NEXT: // {{.*}}quantifiers.cpp:[[@LINE-2]]:3
  // CHECK-NEXT: post("nonEmpty", 1, [[N]], 0, 0) :- fl_role([[N]], "Node"), notin crash([[N]], [[N]], _), node_log([[N]], [[E:X_[0-9]+]]), [[E]] > 0;
}
FL_INVARIANT bool noNegative(const Node &a) {
  return std::none_of(a.log.begin(), a.log.end(), [](int x) { return x < 0; });
  // CHECK: pre("noNegative", 1, [[M:A_[0-9]+]], [[Y:X_[0-9]+]], 0) :- fl_role([[M]], "Node"), notin crash([[M]], [[M]], _), node_log([[M]], [[Y]]);
  // CHECK-NEXT: // {{.*}}quantifiers.cpp:[[@LINE-2]]:3
  // CHECK-NEXT: post("noNegative", 1, [[M]], [[Y]], 0) :- fl_role([[M]], "Node"), notin crash([[M]], [[M]], _), node_log([[M]], [[Y]]), [[Y]] >= 0;
}
FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Node>("a"); s.node<Node>("b");
  s.add("a", &Node::peers, "b");
  s.deliver<Put>("a", "c", Put{5}, 1);
}
