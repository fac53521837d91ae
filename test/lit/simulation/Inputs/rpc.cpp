//===- rpc.cpp - Scenarios of the RPC test protocol -----------------------===//

#include "rpc.h"

namespace rpc {

/// a and b campaign in one term; c's one vote makes at most one a leader.
FL_SCENARIO void election(faultline::Scenario &s) {
  s.bounds(6, 4, 1);
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

/// a probes b and c (the scenario's messages come from a, so the answers
/// go to a) and commits the median of what it heard and its own index.
FL_SCENARIO void probes(faultline::Scenario &s) {
  s.bounds(6, 3, 0);
  s.node<Server>("a");
  s.node<Server>("b");
  s.node<Server>("c");
  s.init("a", &Server::lastIndex, 9);
  s.init("b", &Server::lastIndex, 6);
  s.init("c", &Server::lastIndex, 2);
  s.deliver<Probe>("b", "a", Probe{}, 1);
  s.deliver<Probe>("c", "a", Probe{}, 1);
  s.deliver<Tick>("a", "env", Tick{}, 4);
}

} // namespace rpc
