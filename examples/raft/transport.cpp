//===- transport.cpp - The send primitive of the example ------------------===//
//
// In a real Raft library this serializes the request or response and hands
// it to the network. faultline never runs it: it reads the calls to send()
// in the handlers and models each as a message that may be lost. The stub
// only makes the example link.
//
//===----------------------------------------------------------------------===//

#include "raft.h"

namespace raft {

template <class M> void send(const NodeId &, const M &) {}

template void send<RequestVoteRequest>(const NodeId &, const RequestVoteRequest &);
template void send<AppendEntriesRequest>(const NodeId &, const AppendEntriesRequest &);

} // namespace raft
