// The extracted model is a complete .ded program: `faultline print` accepts
// it and `faultline run` runs it. Two messages that arrive together are
// handled one per step, in order (oldest, then kind, then sender), so the
// second increment reads the first's result: 0, 5, 12, as the C++ does.
//
// RUN: %faultline extract %s -o %t.ded -- %cxxflags
// RUN: %faultline print %t.ded > /dev/null
// RUN: %faultline run %t.ded --eot 4 --eff 0 --nodes c --show counter_total,fl_current \
// RUN:   --all-times | FileCheck %s
// CHECK:      verdict: ok
// CHECK:      counter_total at 1 (1 tuple):
// CHECK-NEXT:   counter_total("c", 0)
// CHECK-NEXT: counter_total at 2 (1 tuple):
// CHECK-NEXT:   counter_total("c", 5)
// CHECK-NEXT: counter_total at 3 (1 tuple):
// CHECK-NEXT:   counter_total("c", 12)
// CHECK-NEXT: counter_total at 4 (1 tuple):
// CHECK-NEXT:   counter_total("c", 12)
// CHECK-NEXT: fl_current at 1 (1 tuple):
// CHECK-NEXT:   fl_current("c", 1, "bump", "x", 5)
// CHECK-NEXT: fl_current at 2 (1 tuple):
// CHECK-NEXT:   fl_current("c", 1, "bump", "y", 7)
// CHECK-NEXT: fl_current at 3 (0 tuples):

#include "faultline/annotations.h"

struct FL_MESSAGE Bump {
  int by;
};

struct FL_PROCESS Counter {
  FL_STATE int total = 0;

  FL_RECEIVE void onBump(const Bump &m) { total += m.by; }
};

FL_SCENARIO void two(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Counter>("c");
  s.deliver<Bump>("c", "y", Bump{7}, 1);
  s.deliver<Bump>("c", "x", Bump{5}, 1);
}
