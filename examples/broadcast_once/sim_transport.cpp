//===- sim_transport.cpp - The send primitive, in the simulator -----------===//
//
// The build that simulates the protocol (its replay binary and unit tests)
// links this file instead of transport.cpp: each send() goes to faultline's
// simulator, which delivers it with the timing and faults of faultline's
// model (docs/runtime.md). The handlers are the same compiled code.
//
//===----------------------------------------------------------------------===//

#include "broadcast_once.h"

#include "faultline/simulator.h"

namespace broadcast_once {

template <class M> void send(const NodeId &to, const M &m) { faultline::sim::send(to, m); }

template void send<Deliver>(const NodeId &, const Deliver &);

} // namespace broadcast_once
