#include "../relay/relay.h"

namespace relay {

/// A second scenario in a source that a test takes out of the target again.
FL_SCENARIO void lostAgain(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Relay>("r");
  s.node<Sink>("k");
  s.init("r", &Relay::sink, "k");
  s.deliver<Forward>("r", "client", Forward{"y"}, 1);
}

} // namespace relay
