//===- batch_helpers.cpp - Scenarios of the batch helpers test ------------===//

#include "batch_helpers.h"

namespace batch_helpers {

/// Two batches from the leader, the second one twice (a retransmission the
/// follower refuses, its prev no longer fitting).
FL_SCENARIO void twoBatches(faultline::Scenario &s) {
  s.bounds(6, 4, 1);
  s.node<Leader>("l");
  s.node<Follower>("f");
  s.deliver<Append>("f", "l", Append{0, {Entry{1, 10}, Entry{1, 11}}}, 1);
  s.deliver<Append>("f", "l", Append{2, {Entry{1, 12}}}, 2);
  s.deliver<Append>("f", "l", Append{2, {Entry{1, 12}}}, 3);
}

} // namespace batch_helpers
