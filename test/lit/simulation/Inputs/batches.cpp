//===- batches.cpp - Scenarios of the batches test protocol ---------------===//

#include "batches.h"

namespace batches {

/// Writes reach the leader a between ticks that send b the entries it
/// lacks; b forwards what it appends to the auditor x.
FL_SCENARIO void replicate(faultline::Scenario &s) {
  s.bounds(9, 6, 0);
  s.node<Leader>("a");
  s.node<Follower>("b");
  s.node<Auditor>("x");
  s.deliver<Write>("a", "c", Write{3}, 1);
  s.deliver<Write>("a", "c", Write{7}, 2);
  s.deliver<Tick>("a", "t", Tick{"b"}, 3);
  s.deliver<Write>("a", "c", Write{9}, 4);
  s.deliver<Tick>("a", "t", Tick{"b"}, 5);
  s.deliver<Tick>("a", "t", Tick{"b"}, 7);
}

} // namespace batches

namespace batches {

/// The scenario delivers b an append of two entries, which b forwards.
FL_SCENARIO void delivered(faultline::Scenario &s) {
  s.bounds(4, 2, 0);
  s.node<Leader>("a");
  s.node<Follower>("b");
  s.node<Auditor>("x");
  s.deliver<Append>("b", "a", Append{2, 0, 0, {Entry{2, 5}, Entry{2, 6}}, 1}, 1);
  s.deliver<Append>("b", "a", Append{2, 2, 2, {}, 2}, 2);
}

} // namespace batches
