//===- panic.cpp - Scenarios of the panic test protocol -------------------===//

#include "panic.h"

namespace panic {

/// a forwards two items to b; the first may be lost.
FL_SCENARIO void lossy(faultline::Scenario &s) {
  s.bounds(5, 3, 0);
  s.node<Sender>("a");
  s.node<Receiver>("b");
  s.deliver<Item>("a", "client", Item{1}, 1);
  s.deliver<Item>("a", "client", Item{2}, 2);
}

} // namespace panic
