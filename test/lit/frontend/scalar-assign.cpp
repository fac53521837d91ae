// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// Scalar state: a read becomes a body atom at time t, an assignment (=, +=,
// ++) a head at @next plus a `fl_..._set` fact that stops the persistence rule
// carrying the old value over.

#include "faultline/annotations.h"

struct FL_MESSAGE Bump {
  int by;
};

struct FL_PROCESS Counter {
  FL_STATE int total = 0;
  FL_STATE int hits = 0;
  FL_STATE int last = 0;

  FL_RECEIVE void onBump(const Bump &m) {
    last = m.by;
    total += m.by;
    // Persistence: a scalar keeps its value unless a handler set it this step.
    // CHECK:      // <no location> origin: persistence of Counter::total
    // CHECK-NEXT: counter_total(N, V)@next :- counter_total(N, V), notin fl_counter_total_set(N);
    // CHECK-NEXT: // <no location> origin: persistence of Counter::hits
    // CHECK-NEXT: counter_hits(N, V)@next :- counter_hits(N, V), notin fl_counter_hits_set(N);
    // CHECK-NEXT: // <no location> origin: persistence of Counter::last
    // CHECK-NEXT: counter_last(N, V)@next :- counter_last(N, V), notin fl_counter_last_set(N);
    // The assignments, emitted when the path ends, in member order (the same
    // state read `total`/`hits` is a body atom of the rules that need it).
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-10]]:5 origin: Counter::onBump: total += m.by;
    // CHECK-NEXT: counter_total(Node, [[T:Total_[0-9]+]] + [[BY:By_[0-9]+]])@next :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H:Hits_[0-9]+]]);
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-12]]:5 origin: Counter::onBump: total += m.by;
    // CHECK-NEXT: fl_counter_total_set(Node) :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H]]);
    ++hits;
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-1]]:5 origin: Counter::onBump: ++hits;
    // CHECK-NEXT: counter_hits(Node, [[H]] + 1)@next :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H]]);
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-3]]:5 origin: Counter::onBump: ++hits;
    // CHECK-NEXT: fl_counter_hits_set(Node) :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H]]);
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-20]]:5 origin: Counter::onBump: last = m.by;
    // CHECK-NEXT: counter_last(Node, [[BY]])@next :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H]]);
    // CHECK-NEXT: // {{.*}}scalar-assign.cpp:[[@LINE-22]]:5 origin: Counter::onBump: last = m.by;
    // CHECK-NEXT: fl_counter_last_set(Node) :- fl_current(Node, _, "bump", From, [[BY]]), fl_role(Node, "Counter"), counter_total(Node, [[T]]), counter_hits(Node, [[H]]);
    // CHECK-NEXT: // <no location> origin: each node's clock
  }
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Counter>("c"); }
