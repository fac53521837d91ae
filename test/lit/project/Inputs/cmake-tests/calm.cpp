#include "../relay/relay.h"

namespace relay {

/// Without lost messages (EFF 0) the forward reaches the sink: certified.
FL_SCENARIO void calm(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  s.node<Relay>("r");
  s.node<Sink>("k");
  s.init("r", &Relay::sink, "k");
  s.deliver<Forward>("r", "client", Forward{"x"}, 1);
}

} // namespace relay
