//===- broadcast_once_test.cpp - The send-once broadcast, run for real ----===//
//
// The protocol's normal behaviour, in faultline's simulator: the compiled
// handlers, with the model's timing.
//
//===----------------------------------------------------------------------===//

#include "broadcast_once.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

namespace broadcast_once {
namespace {

using faultline::sim::Fate;

/// Two payloads, one after the other, to a group of two.
void twoPayloads(faultline::Scenario &s) {
  s.bounds(5, 0, 0);
  s.node<Node>("a");
  s.node<Node>("b");
  s.add("a", &Node::peers, "b");
  s.add("b", &Node::peers, "a");
  s.deliver<Broadcast>("a", "client", Broadcast{"x"}, 1);
  s.deliver<Broadcast>("b", "client", Broadcast{"y"}, 2);
}

class BroadcastOnce : public ::testing::Test {
protected:
  void SetUp() override {
    faultline::sim::describeProtocol(P);
    P.scenario("twoPayloads", &twoPayloads);
  }
  faultline::sim::Protocol P;
};

TEST_F(BroadcastOnce, WithoutFaultsEveryNodeDelivers) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostDelivery");
  EXPECT_FALSE(Out.violates());
  EXPECT_TRUE(Out.Warnings.empty());
  for (const char *N : {"a", "b", "c"})
    EXPECT_EQ(Out.node<Node>(N).log, std::set<std::string>{"hello"}) << N;
}

TEST_F(BroadcastOnce, TheFirstNodeSendsOneCopyToEachPeer) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostDelivery");
  ASSERT_EQ(Out.Messages.size(), 2u);
  for (const faultline::sim::SentMessage &M : Out.Messages) {
    EXPECT_EQ(M.SendTime, 1);
    EXPECT_EQ(M.From, "a");
    EXPECT_EQ(M.Relation, "deliver");
    EXPECT_EQ(M.What, Fate::Delivered);
  }
  // The peers deliver at the next step.
  ASSERT_EQ(Out.Handled.size(), 3u);
  EXPECT_EQ(Out.Handled[1].Time, 2);
  EXPECT_EQ(Out.Handled[2].Time, 2);
}

TEST_F(BroadcastOnce, EveryPayloadReachesTheGroup) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("twoPayloads");
  EXPECT_FALSE(Out.violates());
  std::set<std::string> Both{"x", "y"};
  EXPECT_EQ(Out.node<Node>("a").log, Both);
  EXPECT_EQ(Out.node<Node>("b").log, Both);
}

TEST_F(BroadcastOnce, ALostCopyIsNeverResent) {
  faultline::sim::Simulator Sim(P);
  faultline::FaultSet F;
  F.Omissions.push_back({"a", "b", 1});
  faultline::sim::Outcome Out = Sim.run("lostDelivery", F);
  EXPECT_TRUE(Out.node<Node>("b").log.empty());
  EXPECT_EQ(Out.violatedInvariants(), std::vector<std::string>{"agreement"});
}

} // namespace
} // namespace broadcast_once
