//===- calls.h - RPCs made with a completion callback -------------*- C++ -*-===//
//
// The protocol of the simulation test calls.test (issue 23, item 1, the
// client side): a candidate asks for votes through a FL_CALL and counts
// each answer in the callback it passes, which captured the term and the
// peer it asked, as a Raft library's callback does; a stale answer (one to
// a call of an older term) is told by the captured term, not by a field
// copied into the response. A new leader's heartbeats are calls made from
// that callback, whose own callback takes the responder's name.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_CALLS_H
#define FAULTLINE_TEST_CALLS_H

#include "faultline/annotations.h"

#include <cstdint>
#include <functional>
#include <set>

namespace calls {

using faultline::NodeId;

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

struct FL_MESSAGE Heartbeat {
  uint64_t term;
};

struct FL_MESSAGE HeartbeatAck {
  bool success = false;
};

/// The RPC client of the project's transport.
FL_CALL void requestVote(const NodeId &peer, const RequestVote &request,
                         std::function<void(const VoteResponse &)> done);
FL_CALL void heartbeat(const NodeId &peer, const Heartbeat &request,
                       std::function<void(const HeartbeatAck &, const NodeId &)> done);

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> peers;
  FL_STATE uint64_t currentTerm = 0;
  FL_STATE NodeId votedFor;
  FL_STATE std::set<NodeId> votes;
  /// The term this node leads, 0 while it leads none.
  FL_STATE uint64_t leaderTerm = 0;
  /// The followers that acknowledged this leader's heartbeat.
  FL_STATE std::set<NodeId> followers;

  FL_RECEIVE void onCampaign(const Campaign &m) {
    if (m.term <= currentTerm)
      return;
    currentTerm = m.term;
    votedFor = self;
    for (const NodeId &peer : peers)
      requestVote(peer, RequestVote{m.term, self},
                  [this, term = m.term, peer](const VoteResponse &r) {
                    if (term != currentTerm || leaderTerm == term)
                      return; // an answer to an older term's call, or one too many
                    if (!r.granted)
                      return;
                    votes.insert(peer);
                    if (votes.size() + 1 >= 2) {
                      leaderTerm = term;
                      for (const NodeId &p : peers)
                        heartbeat(p, Heartbeat{term},
                                  [this, term](const HeartbeatAck &a, const NodeId &from) {
                                    if (a.success && term == leaderTerm)
                                      followers.insert(from);
                                  });
                    }
                  });
  }

  FL_RPC void handleRequestVote(const RequestVote &req, VoteResponse &resp);

  FL_RPC void handleHeartbeat(const Heartbeat &req, HeartbeatAck &resp) {
    resp.success = req.term >= currentTerm;
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
  return a.self == b.self || a.leaderTerm == 0 || a.leaderTerm != b.leaderTerm;
}

} // namespace calls

#endif // FAULTLINE_TEST_CALLS_H
