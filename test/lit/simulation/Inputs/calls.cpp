//===- calls.cpp - Scenarios of the FL_CALL test protocol -----------------===//

#include "calls.h"

namespace calls {

/// a and b campaign in one term; c's one vote makes at most one a leader,
/// whose heartbeats its followers acknowledge.
FL_SCENARIO void election(faultline::Scenario &s) {
  s.bounds(7, 3, 1);
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.add("a", &Server::peers, "b");
  s.add("a", &Server::peers, "c");
  s.add("b", &Server::peers, "a");
  s.add("b", &Server::peers, "c");
  s.deliver<Campaign>("a", "env", Campaign{1}, 1);
  s.deliver<Campaign>("b", "env", Campaign{1}, 1);
}

/// a campaigns in term 1 and again in term 2 before c's term-1 vote comes
/// back; b campaigns in term 2 first. c's term-1 vote must not make a the
/// leader of term 2.
FL_SCENARIO void staleVote(faultline::Scenario &s) {
  s.bounds(8, 0, 0);
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.add("a", &Server::peers, "c");
  s.add("b", &Server::peers, "c");
  s.deliver<Campaign>("a", "env", Campaign{1}, 1);
  s.deliver<Campaign>("b", "env", Campaign{2}, 1);
  s.deliver<Campaign>("a", "env", Campaign{2}, 2);
}

/// a campaigns alone and may crash and come back: a callback dies with the
/// process that waited for it, so an answer after the restart counts no
/// vote.
FL_SCENARIO void restartedCandidate(faultline::Scenario &s) {
  s.bounds(5, 2, 1);
  s.restarts(1);
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.add("a", &Server::peers, "b");
  s.add("a", &Server::peers, "c");
  s.deliver<Campaign>("a", "env", Campaign{1}, 1);
}

} // namespace calls
