// RUN: %expect-exit 2 %faultline extract --emit=simulation %s -- %cxxflags -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=describeProtocol
//
// What the generated set-up, another file, cannot name or call: a private
// state member (in the header), a scenario with internal linkage and an
// inline invariant defined in the source file. Each is an error at its
// declaration that says how to fix it.

#include "hidden.h"

// CHECK: hidden.h:{{[0-9]+}}:{{[0-9]+}}: error: the state member 'Counter::count' is not public: the simulator's generated set-up names it from outside the class; make it public

namespace hidden {

FL_INVARIANT inline bool positive(const Counter &c) { return c.self != ""; }
// CHECK: err-not-reachable.cpp:[[@LINE-1]]:26: error: the invariant 'positive' is inline in the source file: the simulator's generated set-up, a file of its own, cannot call it; drop 'inline' or move it into a header

FL_SCENARIO static void one(faultline::Scenario &s) { s.node<Counter>("a"); }
// CHECK: err-not-reachable.cpp:[[@LINE-1]]:25: error: the scenario 'one' is static in the source file: the simulator's generated set-up, a file of its own, cannot call it; drop 'static'

} // namespace hidden
