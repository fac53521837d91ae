// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
//
// std::min(a, b) is a where a <= b and b elsewhere; std::max(a, b) is a
// where a >= b and b elsewhere: two paths each.

#include "faultline/annotations.h"

#include <algorithm>

struct FL_MESSAGE Sample {
  int value;
};

struct FL_PROCESS Stats {
  FL_STATE int low = 100;
  FL_STATE int high = 0;

  FL_RECEIVE void onSample(const Sample &m) { low = std::min(low, m.value); }
  // CHECK:      // {{.*}}minmax.cpp:[[@LINE-1]]:47 origin: Stats::onSample: low = std::min(low, m.value);
  // CHECK-NEXT: stats_low(Node, [[L:Low_[0-9]+]])@next :- fl_current(Node, _, "sample", From, [[V:Value_[0-9]+]]), fl_role(Node, "Stats"), stats_low(Node, [[L]]), [[L]] <= [[V]];
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-3]]:47 origin: Stats::onSample: low = std::min(low, m.value);
  // CHECK-NEXT: fl_stats_low_set(Node) :- fl_current(Node, _, "sample", From, [[V]]), fl_role(Node, "Stats"), stats_low(Node, [[L]]), [[L]] <= [[V]];
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-5]]:47 origin: Stats::onSample: low = std::min(low, m.value);
  // CHECK-NEXT: stats_low(Node, [[V]])@next :- fl_current(Node, _, "sample", From, [[V]]), fl_role(Node, "Stats"), stats_low(Node, [[L]]), [[L]] > [[V]];
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-7]]:47 origin: Stats::onSample: low = std::min(low, m.value);
  // CHECK-NEXT: fl_stats_low_set(Node) :- fl_current(Node, _, "sample", From, [[V]]), fl_role(Node, "Stats"), stats_low(Node, [[L]]), [[L]] > [[V]];
  FL_PERIODIC void clamp() { high = std::max(high, 10); }
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-1]]:30 origin: Stats::clamp: high = std::max(high, 10);
  // CHECK-NEXT: stats_high(Node, [[H:High_[0-9]+]])@next :- fl_role(Node, "Stats"), stats_high(Node, [[H]]), [[H]] >= 10;
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-3]]:30 origin: Stats::clamp: high = std::max(high, 10);
  // CHECK-NEXT: fl_stats_high_set(Node) :- fl_role(Node, "Stats"), stats_high(Node, [[H]]), [[H]] >= 10;
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-5]]:30 origin: Stats::clamp: high = std::max(high, 10);
  // CHECK-NEXT: stats_high(Node, 10)@next :- fl_role(Node, "Stats"), stats_high(Node, [[H]]), [[H]] < 10;
  // CHECK-NEXT: // {{.*}}minmax.cpp:[[@LINE-7]]:30 origin: Stats::clamp: high = std::max(high, 10);
  // CHECK-NEXT: fl_stats_high_set(Node) :- fl_role(Node, "Stats"), stats_high(Node, [[H]]), [[H]] < 10;
  // CHECK-NEXT: // <no location> origin: each node's clock
};

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Stats>("s"); }
