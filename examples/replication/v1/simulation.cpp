//===- simulation.cpp - v1 in faultline's simulator -----------------------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator: the roles with their handlers and state, the messages with
// every field in declaration order, the
// invariants and the scenarios (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "../common/simulation.h"
#include "replication.h"

namespace replication::v1 {

// Defined in replication.cpp.
void primaryCrash(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  describeClient(P);
  P.role<Master>("Master", &Master::self)
      .receive(&Master::onCrash)
      .state("inSync", &Master::inSync);
  P.role<Replica>("Replica", &Replica::self)
      .receive(&Replica::onWrite)
      .receive(&Replica::onReplicaAck)
      .receive(&Replica::onReplicate)
      .state("primary", &Replica::primary)
      .state("client", &Replica::client)
      .state("replicas", &Replica::replicas)
      .state("log", &Replica::log)
      .state("inFlight", &Replica::inFlight)
      .state("acks", &Replica::acks);
  P.message<Replicate>("Replicate", &Replicate::index, &Replicate::value);
  P.message<ReplicaAck>("ReplicaAck", &ReplicaAck::index);
  P.invariant("durability", &durability);
  P.invariant("agreement", &agreement);
  P.scenario("primaryCrash", &primaryCrash);
}

} // namespace replication::v1
