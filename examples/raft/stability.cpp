//===- stability.cpp - An elected leader is not disrupted -----------------===//
//
// A property of Raft's timing rather than its safety: with no crash and no
// lost message, one election suffices. It holds only if every server
// restarts its election timer when it grants a vote, which is what a
// follower's timer is for; the search may fire timers late (timer slack).
// The property holds only where nothing fails, so it is scoped to the
// scenarios that say so: its invariant also takes a QuietNetwork, a process
// without state or handlers that only this scenario has (an invariant
// applies to the scenarios that have nodes of all its parameters' roles).
//
//===----------------------------------------------------------------------===//

#include "raft.h"

namespace raft {

/// Stands for a run without crashes or lost messages.
struct FL_PROCESS QuietNetwork {};

/// Nobody starts a second election.
FL_INVARIANT bool oneElectionSuffices(const QuietNetwork &, const Server &s) {
  return s.currentTerm <= 1;
}

/// a's and b's election timers are due at step 2; c's vote elects a.
FL_SCENARIO void stableLeader(faultline::Scenario &s) {
  s.bounds(10, 0, 0);
  s.timerSlack(1);
  s.node<QuietNetwork>("quiet");
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.add("a", &Server::peers, "b");
  s.add("a", &Server::peers, "c");
  s.add("b", &Server::peers, "a");
  s.add("b", &Server::peers, "c");
  s.add("c", &Server::peers, "a");
  s.add("c", &Server::peers, "b");
  s.arm("a", &Server::electionTimer, 1);
  s.arm("b", &Server::electionTimer, 1);
}

} // namespace raft
