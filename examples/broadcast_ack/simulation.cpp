//===- simulation.cpp - broadcast_ack in faultline's simulator ------------===//
//
// What faultline's frontend finds through the annotations, told to the
// simulator in so many lines: the role with its handlers and state, the
// messages with every field in declaration order, the invariant and the
// scenario (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "simulation.h"

#include "broadcast_ack.h"

namespace broadcast_ack {

// Defined in broadcast_ack.cpp.
void crashAndLoss(faultline::Scenario &s);

void describeSimulation(faultline::sim::Protocol &P) {
  P.role<Node>("Node", &Node::self)
      .receive(&Node::onBroadcast)
      .receive(&Node::onRelay)
      .receive(&Node::onAck)
      .periodic(&Node::relay)
      .state("peers", &Node::peers)
      .state("log", &Node::log)
      .state("holder", &Node::holder)
      .state("payload", &Node::payload)
      .state("unacked", &Node::unacked);
  P.message<Broadcast>("Broadcast", &Broadcast::payload);
  P.message<Relay>("Relay", &Relay::payload);
  P.message<Ack>("Ack", &Ack::payload);
  P.invariant("agreement", &agreement);
  P.scenario("crashAndLoss", &crashAndLoss);
}

} // namespace broadcast_ack
