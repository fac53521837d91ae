//===- transport.cpp - The transport of the example ------------------------===//
//
// In a real Raft library this serializes the request or response and hands
// it to the network, and an RPC client calls back with the response.
// faultline never runs it: it reads the calls to send() and appendEntries()
// in the handlers and models each as a message that may be lost. The stub
// only makes the example link.
//
//===----------------------------------------------------------------------===//

#include "raft.h"

namespace raft {

template <class M> void send(const NodeId &, const M &) {}

template void send<RequestVoteRequest>(const NodeId &, const RequestVoteRequest &);

void appendEntries(const NodeId &, const AppendEntriesRequest &,
                   std::function<void(const AppendEntriesResponse &)>) {}

} // namespace raft
