//===- aliases.cpp - Scenarios of the aliases test protocol ---------------===//

#include "aliases.h"

namespace aliases {

/// b names itself in its ballot from a (equal keys) and a names c in its
/// ballot from b (different keys); the acks come back to the senders.
FL_SCENARIO void ballots(faultline::Scenario &s) {
  s.bounds(4, 3, 0);
  s.node<Voter>("a");
  s.node<Voter>("b");
  s.deliver<Ballot>("b", "a", Ballot{"b", 1, 2}, 1);
  s.deliver<Ballot>("a", "b", Ballot{"c", 5, 2}, 1);
}

} // namespace aliases
