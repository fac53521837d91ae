//===- median.cpp - Scenarios of the median test protocol -----------------===//

#include "median.h"

namespace median {

/// Acks from three peers reach a between ticks: the median of a's own 5
/// and their indexes moves as they arrive.
FL_SCENARIO void acks(faultline::Scenario &s) {
  s.bounds(7, 6, 0);
  s.node<Leader>("a");
  s.deliver<Ack>("a", "b", Ack{3}, 1);
  s.deliver<Tick>("a", "t", Tick{1}, 2);
  s.deliver<Ack>("a", "c", Ack{7}, 3);
  s.deliver<Ack>("a", "d", Ack{1}, 4);
  s.deliver<Tick>("a", "t", Tick{-3}, 5);
}

} // namespace median
