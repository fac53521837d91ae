//===- in_order.cpp - Scenarios of the in-order test protocol -------------===//

#include "in_order.h"

namespace in_order {

int verbosity = 0;

static void twoItems(faultline::Scenario &s) {
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Item>("a", "client", Item{1}, 1);
  s.deliver<Item>("a", "client", Item{2}, 2);
}

/// Expected: a counterexample at the assert: a->b@1 is lost, item 2
/// arrives first.
FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(4, 3, 0);
  twoItems(s);
}

/// Expected: certified: nothing is lost, the items arrive in order.
FL_SCENARIO void reliable(faultline::Scenario &s) {
  s.bounds(4, 0, 0);
  twoItems(s);
}

} // namespace in_order
