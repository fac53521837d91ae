#include "relay.h"

namespace relay {

void Relay::onForward(const Forward &f) {
  seen.insert(f.item);
  send(sink, Stored{f.item});
}

} // namespace relay
