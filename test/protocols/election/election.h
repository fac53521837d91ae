//===- election.h - An election timer that a granted vote must reset -*- C++ -*-===//
//
// A test protocol for timers (docs/annotations.md, FL_TIMER): two servers,
// each with an election timer. When it fires, a server starts an election:
// a new term, a vote for itself, a vote request to its peer, and a fresh
// timer. A server grants one vote per term; a candidate with its peer's
// vote leads the term and sends a heartbeat, which makes the peer follow
// it. b's timer is due at step 2, when a starts an election too.
//
// Server forgets to reset its timer when it grants a vote. On time (step
// 2) b's timer fires before a's request arrives, both campaign and nobody
// wins term 1. One step late, b grants a its vote first, and the firing
// that waited then makes b campaign against the leader it just elected:
// found only with --timer-slack. ResettingServer re-arms the timer on a
// granted vote, which drops the waiting firing: certified with slack too.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_ELECTION_H
#define FAULTLINE_TEST_ELECTION_H

#include "faultline/annotations.h"

#include <string>

namespace election {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the operator: start an election now.
struct FL_MESSAGE Start {};

struct FL_MESSAGE RequestVote {
  int term;
};

struct FL_MESSAGE Vote {
  int term;
};

struct FL_MESSAGE Heartbeat {
  int term;
};

/// The election timeout, in steps.
constexpr int ElectionTimeout = 3;

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE NodeId peer;
  FL_STATE int term = 0;
  /// The last term this server voted in, and for whom.
  FL_STATE int votedTerm = 0;
  FL_STATE NodeId votedFor;
  /// The term this server leads (0: none), and the leader it follows.
  FL_STATE int ledTerm = 0;
  FL_STATE NodeId leader;
  FL_TIMER faultline::Timer electionTimer;

  void campaign() {
    term = term + 1;
    votedTerm = term;
    votedFor = self;
    send(peer, RequestVote{term});
    electionTimer.arm(ElectionTimeout);
  }

  FL_RECEIVE void onStart(const Start &) { campaign(); }
  FL_ON_TIMER(electionTimer) void onElectionTimeout() { campaign(); }

  FL_RECEIVE void onRequestVote(const RequestVote &m, const NodeId &from) {
    if (m.term < term || votedTerm >= m.term)
      return;
    term = m.term;
    votedTerm = m.term;
    votedFor = from;
    send(from, Vote{m.term});
    // The bug: the election timer keeps running.
  }

  FL_RECEIVE void onVote(const Vote &m) {
    if (m.term != term || ledTerm == term)
      return;
    ledTerm = term;
    electionTimer.cancel();
    send(peer, Heartbeat{term});
  }

  FL_RECEIVE void onHeartbeat(const Heartbeat &m, const NodeId &from) {
    if (m.term < term)
      return;
    term = m.term;
    leader = from;
    electionTimer.arm(ElectionTimeout);
  }
};

/// The same, resetting its election timer when it grants a vote.
struct FL_PROCESS ResettingServer {
  FL_SELF NodeId self;
  FL_STATE NodeId peer;
  FL_STATE int term = 0;
  FL_STATE int votedTerm = 0;
  FL_STATE NodeId votedFor;
  FL_STATE int ledTerm = 0;
  FL_STATE NodeId leader;
  FL_TIMER faultline::Timer electionTimer;

  void campaign() {
    term = term + 1;
    votedTerm = term;
    votedFor = self;
    send(peer, RequestVote{term});
    electionTimer.arm(ElectionTimeout);
  }

  FL_RECEIVE void onStart(const Start &) { campaign(); }
  FL_ON_TIMER(electionTimer) void onElectionTimeout() { campaign(); }

  FL_RECEIVE void onRequestVote(const RequestVote &m, const NodeId &from) {
    if (m.term < term || votedTerm >= m.term)
      return;
    term = m.term;
    votedTerm = m.term;
    votedFor = from;
    send(from, Vote{m.term});
    electionTimer.arm(ElectionTimeout);
  }

  FL_RECEIVE void onVote(const Vote &m) {
    if (m.term != term || ledTerm == term)
      return;
    ledTerm = term;
    electionTimer.cancel();
    send(peer, Heartbeat{term});
  }

  FL_RECEIVE void onHeartbeat(const Heartbeat &m, const NodeId &from) {
    if (m.term < term)
      return;
    term = m.term;
    leader = from;
    electionTimer.arm(ElectionTimeout);
  }
};

/// A leader's peer follows it.
FL_INVARIANT inline bool peerFollowsLeader(const Server &l, const Server &n) {
  return l.ledTerm == 0 || n.self != l.peer || n.leader == l.self;
}

FL_INVARIANT inline bool peerFollowsResettingLeader(const ResettingServer &l,
                                                    const ResettingServer &n) {
  return l.ledTerm == 0 || n.self != l.peer || n.leader == l.self;
}

} // namespace election

#endif // FAULTLINE_TEST_ELECTION_H
