//===- election.cpp - Scenarios of the election test protocol -------------===//

#include "election.h"

namespace election {

/// Expected: certified on time; with --timer-slack 1, a counterexample in
/// which b's timer fires at 3 (due 2).
FL_SCENARIO void forgetful(faultline::Scenario &s) {
  s.bounds(6, 0, 0);
  s.node<Server>("a");
  s.node<Server>("b");
  s.init("a", &Server::peer, "b");
  s.init("b", &Server::peer, "a");
  s.arm("b", &Server::electionTimer, 1);
  s.deliver<Start>("a", "operator", Start{}, 2);
}

/// Expected: certified with its timers up to two steps late.
FL_SCENARIO void resetting(faultline::Scenario &s) {
  s.bounds(6, 0, 0);
  s.timerSlack(2);
  s.node<ResettingServer>("a");
  s.node<ResettingServer>("b");
  s.init("a", &ResettingServer::peer, "b");
  s.init("b", &ResettingServer::peer, "a");
  s.arm("b", &ResettingServer::electionTimer, 1);
  s.deliver<Start>("a", "operator", Start{}, 2);
}

} // namespace election
