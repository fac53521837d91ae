//===- vote.h - A vote that must survive a restart ---------------*- C++ -*-===//
//
// A test protocol for restarts in the simulator (docs/runtime.md): two
// candidates ask one voter for its vote in term 1; a granted vote makes a
// leader. The forgetful voter keeps its vote in FL_STATE: crashed and back
// after granting a, it grants c too (the "vote not persisted before the
// reply" bug, found only with a restart). The voter keeps it FL_DURABLE:
// certified with restarts. The term a candidate led is FL_GHOST, so that a
// leader that restarts still counts for the invariant.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_VOTE_H
#define FAULTLINE_TEST_VOTE_H

#include "faultline/annotations.h"

#include <string>

namespace vote {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client: stand for election in this term.
struct FL_MESSAGE Campaign {
  int term;
};

struct FL_MESSAGE RequestVote {
  int term;
};

struct FL_MESSAGE Grant {
  int term;
};

struct FL_PROCESS Candidate {
  FL_SELF NodeId self;
  FL_STATE NodeId voter;
  FL_GHOST int ledTerm = 0;

  FL_RECEIVE void onCampaign(const Campaign &m) { send(voter, RequestVote{m.term}); }
  FL_RECEIVE void onGrant(const Grant &m) { ledTerm = m.term; }
};

/// Grants the first request of a term, and forgets that it did at a restart.
struct FL_PROCESS ForgetfulVoter {
  FL_SELF NodeId self;
  FL_STATE NodeId votedFor = "";
  FL_GHOST int reboots = 0;

  FL_RECEIVE void onRequest(const RequestVote &m, const NodeId &from) {
    if (votedFor != "")
      return;
    votedFor = from;
    send(from, Grant{m.term});
  }
  FL_ON_RESTART void recover() { reboots = reboots + 1; }
};

/// The same with the vote persisted before the grant is sent.
struct FL_PROCESS Voter {
  FL_SELF NodeId self;
  FL_DURABLE NodeId votedFor = "";

  FL_RECEIVE void onRequest(const RequestVote &m, const NodeId &from) {
    if (votedFor != "")
      return;
    votedFor = from;
    send(from, Grant{m.term});
  }
};

/// At most one leader per term, whether or not it restarted since.
FL_INVARIANT inline bool oneLeaderPerTerm(const Candidate &x, const Candidate &y) {
  return x.self == y.self || x.ledTerm == 0 || x.ledTerm != y.ledTerm;
}

} // namespace vote

#endif // FAULTLINE_TEST_VOTE_H
