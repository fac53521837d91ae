#include "relay.h"

namespace relay {

/// One forward, relayed once: a lost Stored message breaks `delivered`.
FL_SCENARIO void lost(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Relay>("r");
  s.node<Sink>("k");
  s.init("r", &Relay::sink, "k");
  s.deliver<Forward>("r", "client", Forward{"x"}, 1);
}

} // namespace relay
