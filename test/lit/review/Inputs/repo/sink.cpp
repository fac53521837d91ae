#include "relay.h"

namespace relay {

void Sink::onStored(const Stored &s) { items.insert(s.item); }

/// Whatever the relay saw, the sink stored.
FL_INVARIANT bool delivered(const Relay &r, const Sink &s) {
  for (const std::string &i : r.seen)
    if (s.items.count(i) == 0)
      return false;
  return true;
}

/// No message is lost (EFF 1): certified while the relay forwards.
FL_SCENARIO void calm(faultline::Scenario &s) {
  s.bounds(4, 1, 0);
  s.node<Relay>("r");
  s.node<Sink>("k");
  s.init("r", &Relay::sink, "k");
  s.deliver<Forward>("r", "client", Forward{"x"}, 1);
}

} // namespace relay
