//===- broadcast_retry.h - Broadcast with a retrying sender -----*- C++ -*-===//
//
// As the send-once broadcast, but the node that got the payload from the
// client keeps re-sending it to every peer at every step (a periodic
// handler). Lost messages before EFF only delay the delivery; what the
// protocol cannot survive is the sender crashing after only some peers got
// the payload, since the peers do not relay it (the hand-written model is
// test/models/broadcast/retry.ded).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_BROADCAST_RETRY_H
#define FAULTLINE_EXAMPLES_BROADCAST_RETRY_H

#include "faultline/annotations.h"

#include <set>
#include <string>

namespace broadcast_retry {

using faultline::NodeId;

/// The project's send primitive (defined in transport.cpp).
template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client to the node that starts the broadcast.
struct FL_MESSAGE Broadcast {
  std::string payload;
};

/// From the broadcasting node to each peer, once per step.
struct FL_MESSAGE Deliver {
  std::string payload;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> peers;
  FL_STATE std::set<std::string> log;
  /// Whether this node is the sender, and what it sends.
  FL_STATE bool sending = false;
  FL_STATE std::string payload;

  FL_RECEIVE void onBroadcast(const Broadcast &m) {
    log.insert(m.payload);
    sending = true;
    payload = m.payload;
    // The first copies go out at once; retransmit() repeats them from the
    // next step on, when `sending` and `payload` hold the new values.
    for (const NodeId &p : peers)
      send(p, Deliver{m.payload});
  }

  FL_RECEIVE void onDeliver(const Deliver &m) { log.insert(m.payload); }

  FL_PERIODIC void retransmit() {
    if (!sending)
      return;
    for (const NodeId &p : peers)
      send(p, Deliver{payload});
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

} // namespace broadcast_retry

#endif // FAULTLINE_EXAMPLES_BROADCAST_RETRY_H
