//===- broadcast_ack.h - Broadcast relayed until acknowledged ---*- C++ -*-===//
//
// Every node that holds the payload relays it to each peer, at every step,
// until that peer acknowledges it; a node that receives the payload
// acknowledges every copy and becomes a holder itself. So once a live node
// has the payload, every live peer gets it, whoever crashes (the
// hand-written model is test/models/broadcast/ack.ded).
//
// A run carries one payload, so a node's acknowledgements fit in one set of
// peers. The set holds the peers that have *not* acknowledged yet: the
// periodic handler sends to every member of it, with no test inside its
// loop, and an acknowledgement erases its sender.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_BROADCAST_ACK_H
#define FAULTLINE_EXAMPLES_BROADCAST_ACK_H

#include "faultline/annotations.h"

#include <set>
#include <string>

namespace broadcast_ack {

using faultline::NodeId;

/// The project's send primitive (defined in transport.cpp).
template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client to the node that starts the broadcast.
struct FL_MESSAGE Broadcast {
  std::string payload;
};

/// A holder's copy of the payload, to a peer that has not acknowledged it.
struct FL_MESSAGE Relay {
  std::string payload;
};

/// A peer's answer to every Relay it gets.
struct FL_MESSAGE Ack {
  std::string payload;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::set<std::string> log;
  /// Whether this node holds the run's payload, and which it is.
  FL_STATE bool holder = false;
  FL_STATE std::string payload;
  /// The peers that have not acknowledged the payload yet.
  FL_STATE std::set<NodeId> unacked;

  FL_RECEIVE void onBroadcast(const Broadcast &m) {
    if (holder)
      return;
    log.insert(m.payload);
    holder = true;
    payload = m.payload;
    for (const NodeId &p : peers)
      unacked.insert(p);
  }

  FL_RECEIVE void onRelay(const Relay &m, const NodeId &from) {
    send(from, Ack{m.payload});
    if (holder)
      return;
    log.insert(m.payload);
    holder = true;
    payload = m.payload;
    for (const NodeId &p : peers)
      unacked.insert(p);
  }

  FL_RECEIVE void onAck(const Ack &m, const NodeId &from) {
    if (m.payload != payload)
      return;
    unacked.erase(from);
  }

  /// From the step after it got the payload, a holder relays it to every
  /// peer that has not acknowledged it yet.
  FL_PERIODIC void relay() {
    if (!holder)
      return;
    for (const NodeId &p : unacked)
      send(p, Relay{payload});
  }
};

/// Agreement: a payload that one live node has logged is logged by every
/// live node by the end of the run.
FL_INVARIANT inline bool agreement(const Node &n, const Node &other) {
  for (const std::string &p : n.log)
    if (other.log.count(p) == 0)
      return false;
  return true;
}

} // namespace broadcast_ack

#endif // FAULTLINE_EXAMPLES_BROADCAST_ACK_H
