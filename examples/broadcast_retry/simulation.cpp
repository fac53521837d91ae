//===- simulation.cpp - broadcast_retry in faultline's simulator ----------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator in so many lines: the role with its handlers and state, the
// messages with every field in declaration order, the invariant and the
// scenarios (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "simulation.h"

#include "broadcast_retry.h"

namespace broadcast_retry {

// Defined in broadcast_retry.cpp.
void lostMessages(faultline::Scenario &s);
void senderCrash(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  P.role<Node>("Node", &Node::self)
      .receive(&Node::onBroadcast)
      .receive(&Node::onDeliver)
      .periodic(&Node::retransmit)
      .state("peers", &Node::peers)
      .state("log", &Node::log)
      .state("sending", &Node::sending)
      .state("payload", &Node::payload);
  P.message<Broadcast>("Broadcast", &Broadcast::payload);
  P.message<Deliver>("Deliver", &Deliver::payload);
  P.invariant("agreement", &agreement);
  P.scenario("lostMessages", &lostMessages);
  P.scenario("senderCrash", &senderCrash);
}

} // namespace broadcast_retry
