// RUN: %faultline extract %s -- %cxxflags | grep -c -- ':-' | FileCheck %s --check-prefix=RULES
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=KEPT
// RUN: %expect-exit 1 %faultline check %s -- %cxxflags -DBEHIND | FileCheck %s --check-prefix=REFUSED
//
// A vote handler written the way Raft implementations write it: a step-down
// helper inlined twice, a log-comparison helper, nested ifs and an early
// return. One rule per path gave 880 rules; joined where statements end
// (docs/design.md, "Join points") it is these, machinery included:
// RULES: {{^}}75{{$}}
//
// The model still decides as the C++ does: a candidate whose log is as
// long gets the vote; one whose last term is behind does not.
// KEPT: scenario 'one': certified
// REFUSED: warning: invariant 'votedWhenAsked' is violated in scenario 'one' under: no faults

#include "Inputs/preamble.h"

enum class State { Follower, Candidate, Leader };

struct FL_MESSAGE RequestVote {
  long term;
  NodeId candidate;
  long lastLogIndex;
  long lastLogTerm;
};
struct FL_MESSAGE VoteReply {
  long term;
  bool granted;
};

struct FL_PROCESS Server {
  FL_SELF NodeId self;
  FL_STATE long currentTerm = 0;
  FL_STATE NodeId votedFor;
  FL_STATE State state = State::Follower;
  FL_STATE long lastIndex = 0;
  FL_STATE long lastTerm = 0;
  FL_STATE long electionDeadline = 0;
  FL_STATE long leaderHint = 0;
  FL_STATE std::set<NodeId> peers;

  void stepDown(long term) {
    if (term > currentTerm) {
      currentTerm = term;
      votedFor = "";
    }
    if (state != State::Follower)
      state = State::Follower;
    leaderHint = 0;
  }

  bool logUpToDate(long index, long term) {
    return term > lastTerm || (term == lastTerm && index >= lastIndex);
  }

  FL_RECEIVE void onRequestVote(const RequestVote &m, const NodeId &from) {
    if (m.term > currentTerm)
      stepDown(m.term);
    bool granted = false;
    if (m.term < currentTerm) {
      send(from, VoteReply{currentTerm, false});
      return;
    }
    if (votedFor == "" || votedFor == m.candidate) {
      if (logUpToDate(m.lastLogIndex, m.lastLogTerm)) {
        votedFor = m.candidate;
        granted = true;
        electionDeadline = currentTerm + 3;
      }
    }
    if (!granted && state == State::Leader)
      stepDown(m.term);
    if (granted)
      leaderHint = 0;
    send(from, VoteReply{currentTerm, granted});
  }
};

// Asked once in term 1 by b, a server that reached term 1 voted for b.
FL_INVARIANT bool votedWhenAsked(const Server &s) {
  return s.currentTerm == 0 || s.votedFor == "b";
}

FL_SCENARIO void one(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Server>("a");
  s.node<Server>("b");
#ifdef BEHIND
  s.init("a", &Server::lastTerm, 2);
#endif
  s.deliver<RequestVote>("a", "b", RequestVote{1, "b", 0, 0}, 1);
}
