// RUN: %expect-exit 2 %faultline extract --emit=simulation %s -- %cxxflags -I%S/Inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=describeProtocol
//
// The generated send() only hands the message to the simulator: a send
// primitive that returns something cannot be generated.

#include "bad_send.h"

// CHECK: bad_send.h:{{[0-9]+}}:{{[0-9]+}}: error: the FL_SEND function 'send' must return void and take the destination and the message: the simulator's generated send() does nothing else

namespace bad_send {

FL_SCENARIO void one(faultline::Scenario &s) { s.node<Node>("a"); }

} // namespace bad_send
