//===- sim_transport.cpp - The send primitive of v4, in the simulator -----===//
//
// The simulated build of v4 (its replay binary and unit tests) links this
// instead of transport.cpp: each send() goes to faultline's simulator
// (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "replication.h"

#include "faultline/simulator.h"

namespace replication {

template <class M> void send(const NodeId &to, const M &m) { faultline::sim::send(to, m); }

template void send<Write>(const NodeId &, const Write &);
template void send<NewPrimary>(const NodeId &, const NewPrimary &);
template void send<WriteAck>(const NodeId &, const WriteAck &);
template void send<v4::Replicate>(const NodeId &, const v4::Replicate &);
template void send<v4::ReplicaAck>(const NodeId &, const v4::ReplicaAck &);

} // namespace replication
