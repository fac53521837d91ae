//===- panic.cpp - Scenarios of the panic test protocol -------------------===//

#include "panic.h"

namespace panic {

/// a forwards two items to b.
static void twoItems(faultline::Scenario &s) {
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Item>("a", "client", Item{1}, 1);
  s.deliver<Item>("a", "client", Item{2}, 2);
}

/// The first item may be lost.
FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(5, 3, 0);
  twoItems(s);
}

/// No message is lost.
FL_SCENARIO void reliable(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  twoItems(s);
}

} // namespace panic
