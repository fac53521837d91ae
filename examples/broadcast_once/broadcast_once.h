//===- broadcast_once.h - Send-once broadcast -------------------*- C++ -*-===//
//
// A client hands a payload to one node; that node logs it and sends it once
// to each of its peers, which log it in turn. Nobody retries, so a single
// lost message leaves a peer without the payload: the agreement invariant
// below fails (the hand-written model is test/models/broadcast/send_once.ded).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EXAMPLES_BROADCAST_ONCE_H
#define FAULTLINE_EXAMPLES_BROADCAST_ONCE_H

#include "faultline/annotations.h"

#include <set>
#include <string>

namespace broadcast_once {

using faultline::NodeId;

/// The project's send primitive (defined in transport.cpp): faultline models
/// each call as a message to `to` that arrives at the next step, unless it
/// is lost or the sender has crashed.
template <class M> FL_SEND void send(const NodeId &to, const M &m);

/// From the client to the node that starts the broadcast.
struct FL_MESSAGE Broadcast {
  std::string payload;
};

/// From the broadcasting node to each peer.
struct FL_MESSAGE Deliver {
  std::string payload;
};

struct FL_PROCESS Node {
  FL_SELF NodeId self;
  /// The other members of the group (set up by the scenario).
  FL_STATE std::set<NodeId> peers;
  /// Every payload this node has delivered.
  FL_STATE std::set<std::string> log;

  FL_RECEIVE void onBroadcast(const Broadcast &m) {
    log.insert(m.payload);
    for (const NodeId &p : peers)
      send(p, Deliver{m.payload});
  }

  FL_RECEIVE void onDeliver(const Deliver &m) { log.insert(m.payload); }
};

/// Agreement: a payload that one live node has logged is logged by every
/// live node by the end of the run.
FL_INVARIANT inline bool agreement(const Node &n, const Node &other) {
  for (const std::string &p : n.log)
    if (other.log.count(p) == 0)
      return false;
  return true;
}

} // namespace broadcast_once

#endif // FAULTLINE_EXAMPLES_BROADCAST_ONCE_H
