//===- transport.cpp - The send primitive of v1 ---------------------------===//
//
// faultline reads the calls to send(); this stub only makes the example link.
//
//===----------------------------------------------------------------------===//

#include "replication.h"

namespace replication {

template <class M> void send(const NodeId &, const M &) {}

template void send<Write>(const NodeId &, const Write &);
template void send<WriteAck>(const NodeId &, const WriteAck &);
template void send<v1::Replicate>(const NodeId &, const v1::Replicate &);
template void send<v1::ReplicaAck>(const NodeId &, const v1::ReplicaAck &);

} // namespace replication
