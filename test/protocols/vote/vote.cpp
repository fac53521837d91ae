//===- vote.cpp - Scenarios of the vote test protocol ---------------------===//

#include "vote.h"

namespace vote {

/// Candidate c, and the campaigns: a's at 1, c's at 4, once b granted a.
static void campaigns(faultline::Scenario &s) {
  s.node<Candidate>("c");
  s.init("a", &Candidate::voter, "b");
  s.init("c", &Candidate::voter, "b");
  s.deliver<Campaign>("a", "client", Campaign{1}, 1);
  s.deliver<Campaign>("c", "client", Campaign{1}, 4);
}

/// Expected: a counterexample with a restart of b (after it granted a, before
/// c's request arrives); certified with --restarts 0.
FL_SCENARIO void forgetful(faultline::Scenario &s) {
  s.bounds(8, 0, 1);
  s.restarts(1);
  s.node<Candidate>("a");
  s.node<ForgetfulVoter>("b");
  campaigns(s);
}

/// Expected: certified, restarts included.
FL_SCENARIO void durable(faultline::Scenario &s) {
  s.bounds(8, 0, 1);
  s.restarts(1);
  s.node<Candidate>("a");
  s.node<Voter>("b");
  campaigns(s);
}

} // namespace vote
