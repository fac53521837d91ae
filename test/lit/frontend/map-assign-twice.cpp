// RUN: %faultline extract %s -- %cxxflags | FileCheck %s
// RUN: %faultline check %s -- %cxxflags | FileCheck %s --check-prefix=KEPT
//
// Two assignments of one map on a path: where their keys are equal, the
// later one's value is the entry, as in C++ (not both values); where they
// differ, both entries are written.

#include "Inputs/preamble.h"

#include <map>

struct FL_MESSAGE Ballot {
  NodeId who;
  int first;
  int second;
};

struct FL_PROCESS Voter {
  FL_SELF NodeId self;
  FL_STATE std::map<NodeId, int> votes;

  FL_RECEIVE void onBallot(const Ballot &m) {
    votes[m.who] = m.first;
    // CHECK:      // {{.*}}map-assign-twice.cpp:[[@LINE-1]]:5 origin: Voter::onBallot: votes[m.who] = m.first;
    // CHECK-NEXT: voter_votes(Node, [[W:Who_[0-9]+]], [[F:First_[0-9]+]])@next :- fl_current(Node, _, "ballot", From, [[W]], [[F]], [[S:Second_[0-9]+]]), fl_role(Node, "Voter"), notin [[O:fl_at_voter_on_ballot_ballot_overwrites_[0-9]+]](Node, [[W]]);
    votes[self] = m.second;
    // The second assignment says which key it writes in this step.
    // CHECK:      // {{.*}}map-assign-twice.cpp:[[@LINE-2]]:5 origin: Voter::onBallot: votes[self] = m.second;
    // CHECK-NEXT: [[O]](Node, Node) :- fl_current(Node, _, "ballot", From, [[W]], [[F]], [[S]]), fl_role(Node, "Voter");
    // CHECK-NEXT: // {{.*}}map-assign-twice.cpp:[[@LINE-4]]:5 origin: Voter::onBallot: votes[self] = m.second;
    // CHECK-NEXT: voter_votes(Node, Node, [[S]])@next :- fl_current(Node, _, "ballot", From, [[W]], [[F]], [[S]]), fl_role(Node, "Voter");
  }
};

// A node's own entry is the second value; another's entry is kept.
FL_INVARIANT bool ownVote(const Voter &v) {
  for (const auto &[who, value] : v.votes)
    if (who == v.self && value != 2)
      return false;
  return true;
}
FL_INVARIANT bool othersKept(const Voter &v) { return v.votes.count("m") == 0 || v.votes.size() == 2; }

// KEPT: scenario 'same': certified
FL_SCENARIO void same(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Voter>("n");
  s.deliver<Ballot>("n", "n", Ballot{"n", 1, 2}, 1);
}
// KEPT: scenario 'different': certified
FL_SCENARIO void different(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Voter>("n");
  s.deliver<Ballot>("n", "n", Ballot{"m", 1, 2}, 1);
}
