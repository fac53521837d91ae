// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=CHECKED
//
// `s.clear()` stops every element of the set from persisting to the next
// step; what the path inserts after it is what the set holds then, and
// later reads on the path see exactly that (here the size is 1).

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Reset {
  int v;
};

struct FL_PROCESS Node {
  FL_STATE std::set<int> seen;
  FL_STATE int single = 0;

  FL_RECEIVE void onReset(const Reset &m) {
    seen.clear();
    seen.insert(m.v);
    if (seen.size() == 1 && seen.count(m.v) == 1 && !seen.empty())
      single = 1;
  }
};

FL_INVARIANT bool reset(const Node &n) {
  if (n.seen.count(1) == 1 || n.single != 1)
    return false;
  return true;
}

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Node>("a");
  s.add("a", &Node::seen, 1);
  s.deliver<Reset>("a", "client", Reset{2}, 1);
}

// CHECK: fl_node_seen_del(Node, [[E:Seen_[0-9]+]]) :- fl_current(Node, _, "reset", From, {{V_[0-9]+}}), fl_role(Node, "Node"), node_seen(Node, [[E]]);
// CHECK: node_seen(Node, [[V:V_[0-9]+]])@next :- fl_current(Node, _, "reset", From, [[V]]), fl_role(Node, "Node");
// CHECK: node_single(Node, 1)@next :- fl_current(Node, _, "reset", From, [[V]]), fl_role(Node, "Node");

// CHECKED: scenario 'one': certified for EOT 3, EFF 0, 0 crashes
