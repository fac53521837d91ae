//===- sim_transport.cpp - The send primitive, in the simulator -----------===//
//
// The build that simulates the protocol (its replay binary and unit tests)
// links this file instead of transport.cpp: each send() goes to faultline's
// simulator, which delivers it with the timing and faults of faultline's
// model (docs/runtime.md). The handlers are the same compiled code.
//
//===----------------------------------------------------------------------===//

#include "two_phase_commit.h"

#include "faultline/simulator.h"

namespace two_phase_commit {

template <class M> void send(const NodeId &to, const M &m) { faultline::sim::send(to, m); }

template void send<Prepare>(const NodeId &, const Prepare &);
template void send<Vote>(const NodeId &, const Vote &);
template void send<Decision>(const NodeId &, const Decision &);
template void send<DecisionAck>(const NodeId &, const DecisionAck &);

} // namespace two_phase_commit
