//===- timers.cpp - Scenarios of the timers test protocol -----------------===//

#include "timers.h"

namespace timers {

static void pair(faultline::Scenario &s) {
  s.node<Client>("c");
  s.node<Server>("s");
  s.init("c", &Client::server, "s");
  s.arm("c", &Client::ping, 1);
  s.deliver<Start>("c", "user", Start{}, 1);
  s.deliver<Start>("c", "user", Start{}, 3);
}

/// Timers on time, lost messages and a crash.
FL_SCENARIO void onTime(faultline::Scenario &s) {
  s.bounds(10, 5, 1);
  pair(s);
}

/// Timers up to two steps late.
FL_SCENARIO void late(faultline::Scenario &s) {
  s.bounds(10, 4, 0);
  s.timerSlack(2);
  pair(s);
}

} // namespace timers
