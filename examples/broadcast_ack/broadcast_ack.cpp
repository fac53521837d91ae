//===- broadcast_ack.cpp - Scenarios of the acknowledged broadcast --------===//
//
// faultline check -p build examples/broadcast_ack/broadcast_ack.cpp
//
//===----------------------------------------------------------------------===//

#include "broadcast_ack.h"

namespace broadcast_ack {

/// Messages sent before time 3 may be lost and one node may crash.
///
/// Expected: certified. A live holder relays at every step until it is
/// acknowledged, and the relays sent at 3 and later are not lost; a node
/// that does not hold the payload gets only relays, so it handles the first
/// that arrives. For instance: a holds "hello" from 2 on, its relay to b at
/// 2 is lost and a crashes at 3; c, which got a's relay, holds "hello" from
/// 4 on and relays it to b, which has logged it at 6.
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
