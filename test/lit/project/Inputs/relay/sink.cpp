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

} // namespace relay
