// RUN: %faultline extract %s --scenario plain -- %cxxflags | FileCheck %s --check-prefix=PLAIN
// RUN: %faultline extract %s --scenario nested -- %cxxflags | FileCheck %s --check-prefix=NESTED
//
// A scenario may call set-up helpers that take only the faultline::Scenario:
// their calls count as the scenario's own, so scenarios share their nodes
// and differ in what they add.

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;

struct FL_PROCESS Node {
  FL_STATE std::set<NodeId> peers;
  FL_STATE int x = 0;
};

static void pair(faultline::Scenario &s) {
  s.node<Node>("a");
  s.node<Node>("b");
  s.add("a", &Node::peers, "b");
}

static void pairWithX(faultline::Scenario &s) {
  pair(s);
  s.init("b", &Node::x, 7);
}

FL_SCENARIO void plain(faultline::Scenario &s) {
  s.bounds(3, 1, 0);
  pair(s);
}

FL_SCENARIO void nested(faultline::Scenario &s) {
  s.bounds(4, 0, 1);
  pairWithX(s);
  s.add("b", &Node::peers, "a");
}

// PLAIN: --eot 3 --eff 1 --crashes 0 --nodes a,b
// PLAIN-DAG: node_peers("a", "b")@1;
// PLAIN-DAG: node_x("b", 0)@1;
// NESTED: --eot 4 --eff 0 --crashes 1 --nodes a,b
// NESTED-DAG: node_peers("a", "b")@1;
// NESTED-DAG: node_peers("b", "a")@1;
// NESTED-DAG: node_x("b", 7)@1;
