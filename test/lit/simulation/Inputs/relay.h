//===- relay.h - A hub that copies posts to its members ---------*- C++ -*-===//
//
// The protocol of the `extract --emit=simulation` tests: two roles, a
// periodic handler, a receive handler with and one without the sender, an
// enum and a struct inside messages and state, maps, sets and an unordered
// set, and a send primitive that is only declared here (its real transport
// would be elsewhere). The hub copies each post to its members once, so a lost copy
// breaks `delivered`.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TEST_RELAY_H
#define FAULTLINE_TEST_RELAY_H

#include "faultline/annotations.h"

#include <map>
#include <set>
#include <string>
#include <unordered_set>

namespace relay {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

enum class Mode { Quiet, Loud };

struct Entry {
  int seq;
  std::string text;
};

struct FL_MESSAGE Publish {
  Entry entry;
  Mode mode;
};

struct FL_MESSAGE Copy {
  Entry entry;
};

struct FL_MESSAGE Ack {
  int seq;
};

struct FL_PROCESS Hub {
  FL_SELF NodeId self;
  FL_STATE std::set<NodeId> members;
  FL_STATE std::map<int, std::string> posts;
  FL_STATE Mode mode = Mode::Quiet;
  /// Unordered: the simulator prints and compares it in the model's order.
  FL_STATE std::unordered_set<NodeId> acked;

  FL_RECEIVE void onPublish(const Publish &p) {
    posts[p.entry.seq] = p.entry.text;
    mode = p.mode;
    for (const NodeId &m : members)
      send(m, Copy{p.entry});
  }
  FL_RECEIVE void onAck(const Ack &, const NodeId &from) { acked.insert(from); }
};

struct FL_PROCESS Member {
  FL_SELF NodeId self;
  FL_STATE std::map<int, std::string> posts;
  FL_STATE int ticks = 0;

  FL_RECEIVE void onCopy(const Copy &c, const NodeId &from) {
    posts[c.entry.seq] = c.entry.text;
    send(from, Ack{c.entry.seq});
  }
  FL_PERIODIC void tick() { ticks += 1; }
};

/// Every post the hub took is at every live member by the end.
FL_INVARIANT inline bool delivered(const Hub &h, const Member &m) {
  for (const auto &[seq, text] : h.posts)
    if (m.posts.count(seq) == 0)
      return false;
  return true;
}

} // namespace relay

#endif // FAULTLINE_TEST_RELAY_H
