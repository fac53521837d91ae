//===- transport.cpp - The send primitive of the example ------------------===//
//
// In a real system this is where a message is serialized and handed to the
// network. faultline never runs it: it reads the calls to send() in the
// handlers and models each as a message that may be lost. The stub only
// makes the example link.
//
//===----------------------------------------------------------------------===//

#include "broadcast_once.h"

namespace broadcast_once {

template <class M> void send(const NodeId &, const M &) {}

template void send<Deliver>(const NodeId &, const Deliver &);

} // namespace broadcast_once
