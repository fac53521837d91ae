// RUN: %expect-exit 2 %faultline check %s -- %cxxflags 2>&1 | FileCheck %s --check-prefix=SCENARIO
// RUN: %expect-exit 2 %faultline check %s --restarts -2 -- %cxxflags -DFIXED 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OPTION
//
// A negative number of restarts, in the scenario or on the command line, is
// an error that names the scenario.

#include "Inputs/preamble.h"

struct FL_PROCESS Node {
  FL_DURABLE int term = 0;
};

FL_INVARIANT bool fine(const Node &n) { return n.term >= 0; }

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(4, 0, 1);
#ifdef FIXED
  s.restarts(1);
#else
  s.restarts(-1);
#endif
  s.node<Node>("a");
}
// SCENARIO: faultline: error: scenario 'one': the number of restarts cannot be negative (got -1)
// OPTION: faultline: error: scenario 'one': the number of restarts cannot be negative (got -2)
