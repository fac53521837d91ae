//===- broadcast_retry.cpp - Scenarios of the retrying broadcast ----------===//
//
// faultline check -p build examples/broadcast_retry/broadcast_retry.cpp
//
//===----------------------------------------------------------------------===//

#include "broadcast_retry.h"

namespace broadcast_retry {

/// Every scenario: nodes a, b, c, each the peer of the others; the client
/// asks a to broadcast "hello" at time 1.
static void threePeers(faultline::Scenario &s) {
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

/// Messages sent before time 3 may be lost, nobody crashes.
///
/// Expected: certified. The sender's copies sent at time 3 and later
/// cannot be lost, and each peer handles the one that arrives at 4 by the
/// end of time.
FL_SCENARIO void lostMessages(faultline::Scenario &s) {
  s.bounds(6, 3, 0);
  threePeers(s);
}

/// The same, and one node may crash.
///
/// Expected: a counterexample: a's copy to one peer (say b) at time 1 is
/// lost, a crashes at 2 (a crashed node sends nothing), and c has "hello"
/// while b never will.
FL_SCENARIO void senderCrash(faultline::Scenario &s) {
  s.bounds(6, 3, 1);
  threePeers(s);
}

} // namespace broadcast_retry
