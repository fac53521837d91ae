// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Helpers with a visible body are inlined: a value helper (one
// `return <expression>;`) evaluates with its parameters bound to the
// arguments, and may read state; a void member helper runs its statements
// on the caller's path (its early return ends the helper, not the handler).

#include "faultline/annotations.h"

#include <set>

using faultline::NodeId;
template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Vote {
  int weight;
};
struct FL_MESSAGE Tally {
  int total;
};

static int doubled(int v) { return v + v; }

struct FL_PROCESS Counter {
  FL_STATE int total = 0;
  FL_STATE std::set<int> weights;

  bool heavy(int w) const { return w > total; }

  void record(int w) {
    if (w == 0)
      return;
    weights.insert(w);
    // record(doubled(w)): w + w bound to the parameter; the insert is on the
    // path where the helper did not return.
    // CHECK:      // {{.*}}helpers.cpp:[[@LINE-3]]:5 origin: Counter::onVote: weights.insert(w);
    // CHECK-NEXT: counter_weights(Node, [[W:Weight_[0-9]+]] + [[W]])@next :- fl_current(Node, _, "vote", From, [[W]]), fl_role(Node, "Counter"), [[W]] + [[W]] != 0;
  }

  FL_RECEIVE void onVote(const Vote &m, const NodeId &from) {
    record(doubled(m.weight));
    if (heavy(m.weight))
      send(from, Tally{doubled(total)});
      // After the helper both of its paths go on: the one that returned early too.
      // CHECK-NEXT: // {{.*}}helpers.cpp:[[@LINE-2]]:7 origin: Counter::onVote: send(from, Tally{doubled(total)});
      // CHECK-NEXT: tally(From, Node, [[T:Total_[0-9]+]] + [[T]])@async :- fl_current(Node, _, "vote", From, [[W]]), fl_role(Node, "Counter"), [[W]] + [[W]] != 0, counter_total(Node, [[T]]), [[W]] > [[T]];
      // CHECK-NEXT: // {{.*}}helpers.cpp:[[@LINE-4]]:7 origin: Counter::onVote: send(from, Tally{doubled(total)});
      // CHECK-NEXT: tally(From, Node, [[T2:Total_[0-9]+]] + [[T2]])@async :- fl_current(Node, _, "vote", From, [[W]]), fl_role(Node, "Counter"), [[W]] + [[W]] == 0, counter_total(Node, [[T2]]), [[W]] > [[T2]];
      // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Counter>("c"); }
