#include "../relay/relay.h"

namespace relay {

/// A second invariant that the lost Stored message breaks in the same run
/// as `delivered`: once the relay saw an item, the sink holds one.
FL_INVARIANT bool nonempty(const Relay &r, const Sink &s) {
  return r.seen.empty() || !s.items.empty();
}

} // namespace relay
