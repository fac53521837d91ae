// With the relay of test/lit/project/Inputs/relay (the review test copies
// it in, its header under include/): a scenario in which no message can be
// lost (EFF 1), certified while the relay forwards.
#include "relay.h"

namespace relay {

FL_SCENARIO void calm(faultline::Scenario &s) {
  s.bounds(4, 1, 0);
  s.node<Relay>("r");
  s.node<Sink>("k");
  s.init("r", &Relay::sink, "k");
  s.deliver<Forward>("r", "client", Forward{"x"}, 1);
}

} // namespace relay
