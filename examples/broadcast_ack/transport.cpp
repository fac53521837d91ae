//===- transport.cpp - The send primitive of the example ------------------===//
//
// In a real system this is where a message is serialized and handed to the
// network. faultline never runs it: it reads the calls to send() in the
// handlers and models each as a message that may be lost. The stub only
// makes the example link.
//
//===----------------------------------------------------------------------===//

#include "broadcast_ack.h"

namespace broadcast_ack {

template <class M> void send(const NodeId &, const M &) {}

template void send<Relay>(const NodeId &, const Relay &);
template void send<Ack>(const NodeId &, const Ack &);

} // namespace broadcast_ack
