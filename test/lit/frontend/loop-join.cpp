// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// A range-for over a state set is a join: the loop body's effects are rules
// whose body has the set's atom binding the loop variable, one firing per
// element (a broadcast). After the loop the path goes on as it was, without
// that atom.

#include "Inputs/preamble.h"

struct FL_MESSAGE Publish {
  int ttl;
  std::string item;
};
struct FL_MESSAGE Copy {
  std::string item;
};

struct FL_PROCESS Hub {
  FL_STATE std::set<NodeId> peers;
  FL_STATE int published = 0;

  FL_RECEIVE void onPublish(const Publish &m) {
    for (const NodeId &p : peers)
      if (m.ttl > 0)
        send(p, Copy{m.item});
        // CHECK:      // {{.*}}loop-join.cpp:[[@LINE-1]]:9 origin: Hub::onPublish: send(p, Copy{m.item});
        // CHECK-NEXT: copy([[P:P_[0-9]+]], Node, [[I:Item_[0-9]+]])@async :- fl_current(Node, _, "publish", From, [[TTL:Ttl_[0-9]+]], [[I]]), fl_role(Node, "Hub"), hub_peers(Node, [[P]]), [[TTL]] > 0;
    ++published;
    // The statement after the loop: no hub_peers atom, no loop variable.
    // CHECK-NEXT: // {{.*}}loop-join.cpp:[[@LINE-2]]:5 origin: Hub::onPublish: ++published;
    // CHECK-NEXT: hub_published(Node, [[N:Published_[0-9]+]] + 1)@next :- fl_current(Node, _, "publish", From, [[TTL]], [[I]]), fl_role(Node, "Hub"), hub_published(Node, [[N]]);
    // CHECK-NEXT: // {{.*}}loop-join.cpp:[[@LINE-4]]:5 origin: Hub::onPublish: ++published;
    // CHECK-NEXT: fl_hub_published_set(Node) :- fl_current(Node, _, "publish", From, [[TTL]], [[I]]), fl_role(Node, "Hub"), hub_published(Node, [[N]]);
    // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Hub>("h"); }
