//===- transport.cpp - The send primitive of the example ------------------===//
//
// In a real system this is where a message is serialized and handed to the
// network. faultline never runs it: it reads the calls to send() in the
// handlers and models each as a message that may be lost. The stub only
// makes the example link.
//
//===----------------------------------------------------------------------===//

#include "two_phase_commit.h"

namespace two_phase_commit {

template <class M> void send(const NodeId &, const M &) {}

template void send<Prepare>(const NodeId &, const Prepare &);
template void send<Vote>(const NodeId &, const Vote &);
template void send<Decision>(const NodeId &, const Decision &);
template void send<DecisionAck>(const NodeId &, const DecisionAck &);

} // namespace two_phase_commit
