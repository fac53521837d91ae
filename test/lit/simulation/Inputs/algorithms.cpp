//===- algorithms.cpp - Scenarios of the algorithms test protocol ---------===//

#include "algorithms.h"

namespace algorithms {

/// a holds two match indexes; acks from b and c add theirs, probes test
/// them against floors below, between and above.
FL_SCENARIO void acks(faultline::Scenario &s) {
  s.bounds(5, 4, 0);
  s.node<Leader>("a");
  s.add("a", &Leader::match, 3);
  s.add("a", &Leader::match, 1);
  s.deliver<Ack>("a", "b", Ack{4}, 1);
  s.deliver<Ack>("a", "c", Ack{2}, 2);
  s.deliver<Probe>("a", "b", Probe{2}, 3);
  s.deliver<Probe>("a", "c", Probe{0}, 4);
}

} // namespace algorithms
