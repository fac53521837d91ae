//===- simulation.cpp - broadcast_once in faultline's simulator -----------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator in so many lines: the role with its handlers and state, the
// messages with every field in declaration order, the invariant and the
// scenario (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "simulation.h"

#include "broadcast_once.h"

namespace broadcast_once {

// Defined in broadcast_once.cpp.
void lostDelivery(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  P.role<Node>("Node", &Node::self)
      .receive(&Node::onBroadcast)
      .receive(&Node::onDeliver)
      .state("peers", &Node::peers)
      .state("log", &Node::log);
  P.message<Broadcast>("Broadcast", &Broadcast::payload);
  P.message<Deliver>("Deliver", &Deliver::payload);
  P.invariant("agreement", &agreement);
  P.scenario("lostDelivery", &lostDelivery);
}

} // namespace broadcast_once
