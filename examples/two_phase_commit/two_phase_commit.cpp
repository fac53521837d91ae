//===- two_phase_commit.cpp - Scenarios of two-phase commit ---------------===//
//
// faultline check -p build examples/two_phase_commit/two_phase_commit.cpp
//
// Every scenario: coordinator C runs transaction "t1" with agents a, b and
// d, which are all willing to commit it.
//
// Choosing EOT: a node handles one message per step, so the coordinator
// needs a step per vote, and its retransmissions make the agents vote again:
// those duplicate votes queue in its inbox ahead of a late one. Without
// faults every agent has decided by time 7 or 8 (depending on the order in
// which messages that arrive at the same step are handled); with losses
// before time 3 it takes up to 12. The hand-written model (2pc.ded), whose
// nodes handle all their messages at once, is certified at 7/3/0.
//
//===----------------------------------------------------------------------===//

#include "two_phase_commit.h"

namespace two_phase_commit {

/// Every scenario: a coordinator C and agents a, b, d, all willing to
/// commit; the client begins transaction t1 at C at time 1.
static void oneTransaction(faultline::Scenario &s) {
  s.node<Coordinator>("C");
  s.node<Agent>("a");
  s.node<Agent>("b");
  s.node<Agent>("d");
  s.add("C", &Coordinator::agents, "a");
  s.add("C", &Coordinator::agents, "b");
  s.add("C", &Coordinator::agents, "d");
  s.init("a", &Agent::willing, true);
  s.init("b", &Agent::willing, true);
  s.init("d", &Agent::willing, true);
  s.deliver<Begin>("C", "client", Begin{"t1"}, 1);
}

/// Messages sent before time 3 may be lost, nobody crashes, and the run is
/// long enough for the retransmissions to get through.
///
/// Expected: certified.
FL_SCENARIO void lostMessages(faultline::Scenario &s) {
  s.bounds(12, 3, 0);
  oneTransaction(s);
}

/// The bounds of 2pc.ded's conformance row, 7/3/0: too short here.
///
/// Expected: a counterexample to termination with one lost message. For
/// instance, C's first Prepare to d is lost: d votes a step later than a and
/// b, its vote waits in C's inbox behind their duplicate votes, C decides
/// only at 7, and its Decisions are still in flight at the end of time.
FL_SCENARIO void tightDeadline(faultline::Scenario &s) {
  s.bounds(7, 3, 0);
  oneTransaction(s);
}

/// No message is lost, but one node may crash.
///
/// Expected: a counterexample to termination: C crashes after its Prepares
/// went out but before its Decisions do (at 5 at the latest); the agents
/// vote yes and wait for an outcome that never comes. (An agent that crashes
/// before voting blocks C, and with it the others, in the same way.)
FL_SCENARIO void coordinatorCrash(faultline::Scenario &s) {
  s.bounds(8, 0, 1);
  oneTransaction(s);
}

} // namespace two_phase_commit
