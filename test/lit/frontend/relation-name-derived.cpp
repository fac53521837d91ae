// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=VERDICT
// RUN: %expect-exit 2 %faultline extract %s -- %cxxflags -DTWICE 2>&1 | FileCheck %s --check-prefix=TWICE
//
// The relations faultline derives from a member (a scalar's assignment
// marker, a container's deletions and size) are in the reserved fl_
// namespace, so a member may be called `x_set` next to `x`, `mp_del` next
// to `mp` or `s_size` next to `s`: each keeps its own relation. (They used
// to be `node_x_set` and so on: one member's relation was another's
// derived one, an internal error or a merged relation.) Two members whose
// names give one relation are an error.

#include "Inputs/preamble.h"

#include <map>

struct FL_MESSAGE Put {
  int k;
};

struct FL_PROCESS Node {
  FL_STATE int x = 0;
  FL_STATE int x_set = 7;
  FL_STATE std::map<int, int> mp{{1, 1}};
  FL_STATE std::set<int> mp_del = {1};
  FL_STATE std::set<int> s;
  FL_STATE int s_size = 3;
#ifdef TWICE
  FL_STATE int fooBar = 0;
  FL_STATE int foo_bar = 0;
  // TWICE: {{.*}}relation-name-derived.cpp:[[@LINE-1]]:16: error: two members of 'Node' would both be the relation 'node_foo_bar'; rename one
  // TWICE: {{.*}}relation-name-derived.cpp:[[@LINE-3]]:16: note: the relation 'node_foo_bar' comes from here
#endif
  // CHECK: node_x(N, V)@next :- node_x(N, V), notin fl_node_x_set(N);
  // CHECK: node_x_set(N, V)@next :- node_x_set(N, V), notin fl_node_x_set_set(N);
  // CHECK: node_mp(N, K, V)@next :- node_mp(N, K, V), notin fl_node_mp_del(N, K);
  // CHECK: node_mp_del(N, E)@next :- node_mp_del(N, E), notin fl_node_mp_del_del(N, E);
  // CHECK: node_s_size(N, V)@next :- node_s_size(N, V), notin fl_node_s_size_set(N);

  FL_RECEIVE void onPut(const Put &m) {
    mp.erase(m.k);
    // CHECK: fl_node_mp_del(Node, [[K:K_[0-9]+]]) :- fl_current(Node, _, "put", From, [[K]]), fl_role(Node, "Node");
    s.insert(m.k);
    x = m.k;
    s_size = 4;
    // CHECK: node_x(Node, [[K]])@next :- fl_current(Node, _, "put", From, [[K]]), fl_role(Node, "Node");
    // CHECK-NEXT: // {{.*}}relation-name-derived.cpp:[[@LINE-3]]:5
    // CHECK-NEXT: fl_node_x_set(Node) :- fl_current(Node, _, "put", From, [[K]]), fl_role(Node, "Node");
    // CHECK: node_s_size(Node, 4)@next :- fl_current(Node, _, "put", From, [[K]]), fl_role(Node, "Node");
  }
};

FL_INVARIANT bool apart(const Node &n) {
  return n.x_set == 7 && n.mp_del.count(1) == 1 && n.mp.count(1) == 0 && n.s_size == 4;
}

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(3, 0, 0);
  s.node<Node>("a");
  s.deliver<Put>("a", "c", Put{1}, 1);
}
// VERDICT: scenario 'one': certified
