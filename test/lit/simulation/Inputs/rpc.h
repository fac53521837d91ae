//===- rpc.h - A vote served as an RPC, a status returned by one -*- C++ -*-===//
//
// The protocol of the simulation test rpc.test (issue 23, item 1): a
// candidate's RequestVote is served by an FL_RPC handler that fills the
// response it is given, as Raft libraries write it (early returns answer
// with what was filled so far), and the candidate counts the responses in
// a handler of their own; a status probe is served by an FL_RPC handler
// that returns its response, and the prober takes the median of the
// indexes it heard with std::nth_element. The simulator runs the compiled
// code and faultline's model under the same fault schedules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_RPC_H
#define FAULTLINE_TEST_RPC_H

#include "faultline/annotations.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace rpc {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Campaign {
  uint64_t term;
};

struct FL_MESSAGE RequestVote {
  uint64_t term;
  NodeId candidate;
};

struct FL_MESSAGE VoteResponse {
  uint64_t term = 0;
  bool granted = false;
};

struct FL_MESSAGE Probe {};

struct FL_MESSAGE Status {
  uint64_t index;
};

struct FL_MESSAGE Tick {};

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> peers;
  FL_STATE uint64_t currentTerm = 0;
  FL_STATE NodeId votedFor;
  FL_STATE std::set<NodeId> votes;
  FL_STATE bool leader = false;
  FL_STATE uint64_t lastIndex = 4;
  FL_STATE std::map<NodeId, uint64_t> matchIndex;
  FL_STATE uint64_t commitIndex = 0;

  FL_RECEIVE void onCampaign(const Campaign &m) {
    if (m.term <= currentTerm)
      return;
    currentTerm = m.term;
    votedFor = self;
    for (const NodeId &p : peers)
      send(p, RequestVote{m.term, self});
  }

  FL_RPC void handleRequestVote(const RequestVote &req, VoteResponse &resp);

  FL_RECEIVE void onVoteResponse(const VoteResponse &resp, const NodeId &from) {
    if (resp.term != currentTerm || !resp.granted)
      return;
    votes.insert(from);
    if (votes.size() + 1 >= 2)
      leader = true;
  }

  FL_RPC Status handleProbe(const Probe &) { return Status{lastIndex}; }

  FL_RECEIVE void onStatus(const Status &s, const NodeId &from) { matchIndex[from] = s.index; }

  FL_RECEIVE void onTick(const Tick &) {
    std::vector<uint64_t> indexes;
    for (const auto &[peer, index] : matchIndex)
      indexes.push_back(index);
    indexes.push_back(lastIndex);
    std::nth_element(indexes.begin(), indexes.begin() + indexes.size() / 2, indexes.end());
    uint64_t median = indexes[indexes.size() / 2];
    if (median > commitIndex)
      commitIndex = median;
  }
};

// Defined after its caller, as a .cpp would.
inline void Server::handleRequestVote(const RequestVote &req, VoteResponse &resp) {
  resp.term = currentTerm;
  if (req.term < currentTerm)
    return; // a stale candidate: not granted, and told the newer term
  if (req.term > currentTerm) {
    currentTerm = req.term;
    votedFor = "";
  }
  resp.term = currentTerm;
  if (votedFor.empty() || votedFor == req.candidate) {
    votedFor = req.candidate;
    resp.granted = true;
  }
}

/// Election safety: two leaders never share a term.
FL_INVARIANT inline bool oneLeaderPerTerm(const Server &a, const Server &b) {
  return a.self == b.self || !a.leader || !b.leader || a.currentTerm != b.currentTerm;
}

} // namespace rpc

#endif // FAULTLINE_TEST_RPC_H
