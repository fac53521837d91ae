//===- simulation.cpp - two_phase_commit in faultline's simulator ---------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator in so many lines: the roles with their handlers and state, the
// messages with every field in declaration order, the names of the
// enumerators (the model's values for them, which order the inbox), the
// invariants and the scenarios (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "simulation.h"

#include "two_phase_commit.h"

namespace two_phase_commit {

// Defined in two_phase_commit.cpp.
void lostMessages(faultline::Scenario &s);
void tightDeadline(faultline::Scenario &s);
void coordinatorCrash(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  P.role<Coordinator>("Coordinator", &Coordinator::self)
      .receive(&Coordinator::onBegin)
      .receive(&Coordinator::onVote)
      .receive(&Coordinator::onDecisionAck)
      .periodic(&Coordinator::retransmit)
      .state("agents", &Coordinator::agents)
      .state("phase", &Coordinator::phase)
      .state("xact", &Coordinator::xact)
      .state("waiting", &Coordinator::waiting)
      .state("decision", &Coordinator::decision)
      .state("uninformed", &Coordinator::uninformed);
  P.role<Agent>("Agent", &Agent::self)
      .receive(&Agent::onPrepare)
      .receive(&Agent::onDecision)
      .state("willing", &Agent::willing)
      .state("voted", &Agent::voted)
      .state("decision", &Agent::decision);
  P.message<Begin>("Begin", &Begin::xact);
  P.message<Prepare>("Prepare", &Prepare::xact);
  P.message<Vote>("Vote", &Vote::xact, &Vote::yes);
  P.message<Decision>("Decision", &Decision::xact, &Decision::outcome);
  P.message<DecisionAck>("DecisionAck", &DecisionAck::xact);
  P.enumeration<Outcome>(
      {{Outcome::None, "None"}, {Outcome::Commit, "Commit"}, {Outcome::Abort, "Abort"}});
  P.enumeration<Phase>(
      {{Phase::Idle, "Idle"}, {Phase::Preparing, "Preparing"}, {Phase::Decided, "Decided"}});
  P.invariant("agentsAgree", &agentsAgree);
  P.invariant("agentAgreesWithCoordinator", &agentAgreesWithCoordinator);
  P.invariant("termination", &termination);
  P.scenario("lostMessages", &lostMessages);
  P.scenario("tightDeadline", &tightDeadline);
  P.scenario("coordinatorCrash", &coordinatorCrash);
}

} // namespace two_phase_commit
