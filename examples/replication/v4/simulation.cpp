//===- simulation.cpp - v4 in faultline's simulator -----------------------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator: the roles with their handlers and state, the messages with
// every field in declaration order, the struct they carry, the
// invariants and the scenarios (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "../common/simulation.h"
#include "replication.h"

namespace replication::v4 {

// Defined in replication.cpp.
void primaryCrash(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  describeClient(P);
  describeMaster(P);
  P.role<Replica>("Replica", &Replica::self)
      .receive(&Replica::onWrite)
      .receive(&Replica::onReplicaAck)
      .receive(&Replica::onNewPrimary)
      .receive(&Replica::onReplicate)
      .state("primary", &Replica::primary)
      .state("client", &Replica::client)
      .state("leader", &Replica::leader)
      .state("peers", &Replica::peers)
      .state("replicas", &Replica::replicas)
      .state("term", &Replica::term)
      .state("log", &Replica::log)
      .state("nextSeq", &Replica::nextSeq)
      .state("inFlight", &Replica::inFlight)
      .state("acks", &Replica::acks);
  P.structure<Op>("Op", &Op::term, &Op::value);
  P.message<Replicate>("Replicate", &Replicate::seq, &Replicate::op);
  P.message<ReplicaAck>("ReplicaAck", &ReplicaAck::seq);
  P.invariant("durability", &durability);
  P.invariant("agreement", &agreement);
  P.scenario("primaryCrash", &primaryCrash);
}

} // namespace replication::v4
