// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=CHECKED
//
// faultline::NodeCrashed comes from the environment: every node whose
// process handles it gets one, from itself, at the step after another node
// crashes (the notice is sent at the crash time and arrives one step later).

#include "faultline/failure_detector.h"

#include <set>

using faultline::NodeId;

struct FL_PROCESS Master {
  FL_STATE std::set<NodeId> live;
  FL_STATE int notices = 0;
  FL_RECEIVE void onCrash(const faultline::NodeCrashed &m) {
    live.erase(m.node);
    notices += 1;
  }
};

struct FL_PROCESS Worker {
  FL_STATE int x = 0;
};

/// Nobody has crashed, as far as the master knows.
FL_INVARIANT bool quiet(const Master &m) { return m.notices == 0; }

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(4, 0, 1);
  s.node<Master>("M");
  s.node<Worker>("a");
  s.add("M", &Master::live, "a");
}

// CHECK: node_crashed(N, N, X)@async :- fl_role(N, "Master"), crash(N, X, C), fl_now(N, C), N != X;
// CHECK: fl_master_live_del(Node, [[X:Node_[0-9]+]]) :- fl_current(Node, _, "node_crashed", From, [[X]]), fl_role(Node, "Master");
// CHECK: fl_inbox(N, T, "node_crashed", F, A1) :- node_crashed(N, F, A1), fl_now(N, T);

// The latest crash the master hears of in time: a notice sent at 2 is
// handled at 3, and the count holds from 4.
// CHECKED: warning: invariant 'quiet' is violated in scenario 'one' under: crash a@2 [faultline]
// CHECKED: note: at time 3, node M handles 'node_crashed' from M in Master::onCrash
