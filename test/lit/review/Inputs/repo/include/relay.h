// The protocol the review tests commit, change and fix: a relay forwards
// each item to a sink, which stores it. Its handler is defined in this
// header (found through -I), the sink's in sink.cpp.
#ifndef RELAY_H
#define RELAY_H

#include "faultline/annotations.h"

#include <set>
#include <string>

namespace relay {

using faultline::NodeId;

template <class M> FL_SEND void send(const NodeId &to, const M &m);

struct FL_MESSAGE Forward {
  std::string item;
};

struct FL_MESSAGE Stored {
  std::string item;
};

struct FL_PROCESS Relay {
  FL_SELF NodeId self;
  FL_STATE NodeId sink;
  FL_STATE std::set<std::string> seen;

  FL_RECEIVE void onForward(const Forward &f) {
    seen.insert(f.item);
    send(sink, Stored{f.item});
  }
};

struct FL_PROCESS Sink {
  FL_SELF NodeId self;
  FL_STATE std::set<std::string> items;

  FL_RECEIVE void onStored(const Stored &s);
};

FL_INVARIANT bool delivered(const Relay &r, const Sink &s);

} // namespace relay

#endif
