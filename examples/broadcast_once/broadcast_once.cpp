//===- broadcast_once.cpp - Scenarios of the send-once broadcast ----------===//
//
// faultline check -p build examples/broadcast_once/broadcast_once.cpp
//
//===----------------------------------------------------------------------===//

#include "broadcast_once.h"

namespace broadcast_once {

/// Three nodes that all know each other; the client gives "hello" to a at
/// time 1. Messages sent before time 3 may be lost, nobody crashes.
///
/// Expected: a counterexample with one fault, a's send to b (or to c) at
/// time 1 lost: that peer never logs "hello" while a and the other do.
FL_SCENARIO void lostDelivery(faultline::Scenario &s) {
  s.bounds(6, 3, 0);
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

} // namespace broadcast_once
