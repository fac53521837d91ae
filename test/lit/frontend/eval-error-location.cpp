// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s
//
// An evaluation error of the model (a division by zero) is reported at the
// C++ operator it comes from. (It used to have no location.)

#include "Inputs/preamble.h"

struct FL_MESSAGE Share {
  int parts;
};

struct FL_PROCESS Node {
  FL_STATE int each = 0;

  FL_RECEIVE void onShare(const Share &m) {
    each = 10 / m.parts;
    // CHECK: {{.*}}eval-error-location.cpp:[[@LINE-1]]:15: error: division by zero: 10 / 0
  }
};

FL_INVARIANT bool any(const Node &n) { return n.each >= 0; }

FL_SCENARIO void zero(faultline::Scenario &s) {
  s.bounds(2, 0, 0);
  s.node<Node>("a");
  s.deliver<Share>("a", "c", Share{0}, 1);
}
