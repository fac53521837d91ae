//===- transport.cpp - The send primitive of v6 ---------------------------===//
//
// faultline reads the calls to send(); this stub only makes the example link.
//
//===----------------------------------------------------------------------===//

#include "replication.h"

namespace replication {

template <class M> void send(const NodeId &, const M &) {}

template void send<Write>(const NodeId &, const Write &);
template void send<NewPrimary>(const NodeId &, const NewPrimary &);
template void send<v6::Trim>(const NodeId &, const v6::Trim &);
template void send<WriteAck>(const NodeId &, const WriteAck &);
template void send<v6::Replicate>(const NodeId &, const v6::Replicate &);
template void send<v6::ReplicaAck>(const NodeId &, const v6::ReplicaAck &);

} // namespace replication
