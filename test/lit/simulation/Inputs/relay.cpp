//===- relay.cpp - Scenarios of the relay test protocol -------------------===//

#include "relay.h"

namespace relay {

static void group(faultline::Scenario &s) {
  s.node<Hub>("h");
  s.node<Member>("a");
  s.node<Member>("b");
  s.add("h", &Hub::members, "a");
  s.add("h", &Hub::members, "b");
  s.deliver<Publish>("h", "client", Publish{Entry{1, "x"}, Mode::Loud}, 1);
}

/// Expected: certified: nothing is lost.
FL_SCENARIO void reliable(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  group(s);
}

/// Expected: a counterexample: a lost copy is never sent again.
FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(4, 3, 0);
  group(s);
}

} // namespace relay
