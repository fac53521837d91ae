//===- broadcast_ack.cpp - Scenarios of the acknowledged broadcast --------===//
//
// faultline check -p build examples/broadcast_ack/broadcast_ack.cpp
//
//===----------------------------------------------------------------------===//

#include "broadcast_ack.h"

namespace broadcast_ack {

/// Messages sent before time 3 may be lost and one node may crash.
///
/// Expected: certified. A live node that holds the payload by time 3 relays
/// it at 3 or later, when nothing is lost, and a peer that does not hold it
/// gets only relays, so it handles the first that arrives. For instance: a
/// holds "hello" from 2 on, its copies to b at 1 and 2 are lost, and so is
/// c's first relay to b at 2; a crashes at 4, but the relays sent at 3 reach
/// b at 4, and b has logged "hello" at 5.
FL_SCENARIO void crashAndLoss(faultline::Scenario &s) {
  s.bounds(6, 3, 1);
  s.node<Node>("a");
  s.node<Node>("b");
  s.node<Node>("c");
  s.add("a", &Node::peers, "b");
  s.add("a", &Node::peers, "c");
  s.add("b", &Node::peers, "a");
  s.add("b", &Node::peers, "c");
  s.add("c", &Node::peers, "a");
  s.add("c", &Node::peers, "b");
  s.deliver<Broadcast>("a", "client", Broadcast{"hello"}, 1);
}

} // namespace broadcast_ack
