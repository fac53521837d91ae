// A relay protocol split the way a real codebase splits it: this header
// declares the messages and the roles, relay_node.cpp defines the relay's
// handlers, sink.cpp the sink's and the invariant, scenarios.cpp the
// scenarios. Every TU includes this header.
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

  FL_RECEIVE void onForward(const Forward &f);
};

struct FL_PROCESS Sink {
  FL_SELF NodeId self;
  FL_STATE std::set<std::string> items;

  FL_RECEIVE void onStored(const Stored &s);
};

FL_INVARIANT bool delivered(const Relay &r, const Sink &s);

} // namespace relay

#endif
