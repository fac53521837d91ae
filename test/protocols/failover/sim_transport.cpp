//===- sim_transport.cpp - The send primitive, in the simulator -----------===//

#include "failover.h"

#include "faultline/simulator.h"

namespace failover {

template <class M> void send(const NodeId &to, const M &m) { faultline::sim::send(to, m); }

template void send<Work>(const NodeId &, const Work &);
template void send<Done>(const NodeId &, const Done &);

} // namespace failover
