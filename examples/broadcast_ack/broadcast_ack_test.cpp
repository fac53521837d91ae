//===- broadcast_ack_test.cpp - The acknowledged broadcast, run for real --===//
//
// The protocol's normal behaviour, in faultline's simulator: the compiled
// handlers, with the model's timing.
//
//===----------------------------------------------------------------------===//

#include "broadcast_ack.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

namespace broadcast_ack {
namespace {

class BroadcastAck : public ::testing::Test {
protected:
  void SetUp() override { faultline::sim::describeProtocol(P); }
  faultline::sim::Protocol P;
};

TEST_F(BroadcastAck, WithoutFaultsEveryNodeDeliversAndHolds) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("crashAndLoss");
  EXPECT_FALSE(Out.violates());
  EXPECT_TRUE(Out.Warnings.empty());
  for (const char *N : {"a", "b", "c"}) {
    const Node &Nd = Out.node<Node>(N);
    EXPECT_EQ(Nd.log, std::set<std::string>{"hello"}) << N;
    EXPECT_TRUE(Nd.holder) << N;
    EXPECT_EQ(Nd.payload, "hello") << N;
  }
}

TEST_F(BroadcastAck, TheFirstHolderStopsOnceEveryPeerAcknowledged) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("crashAndLoss");
  EXPECT_TRUE(Out.node<Node>("a").unacked.empty());
  int LastRelayOfA = 0;
  for (const faultline::sim::SentMessage &M : Out.Messages)
    if (M.From == "a" && M.Relation == "relay")
      LastRelayOfA = std::max(LastRelayOfA, M.SendTime);
  // b's ack is in at 4, c's at 5: a relays to c one step longer than to b.
  EXPECT_EQ(LastRelayOfA, 5);
}

TEST_F(BroadcastAck, EveryRelayIsAcknowledged) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("crashAndLoss");
  for (const faultline::sim::HandledMessage &H : Out.Handled) {
    if (H.Relation != "relay" || H.Time == Out.B.EOT)
      continue;
    bool Acked = false;
    for (const faultline::sim::SentMessage &M : Out.Messages)
      Acked |= M.Relation == "ack" && M.SendTime == H.Time && M.From == H.Node && M.To == H.From;
    EXPECT_TRUE(Acked) << H.Node << " at " << H.Time;
  }
}

TEST_F(BroadcastAck, PeersRelayWhenTheFirstHolderCrashes) {
  faultline::sim::Simulator Sim(P);
  faultline::FaultSet F;
  F.Omissions = {{"a", "b", 2}};
  F.Crashes = {{"a", 3}};
  faultline::sim::Outcome Out = Sim.run("crashAndLoss", F);
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Node>("b").log, std::set<std::string>{"hello"});
  EXPECT_EQ(Out.node<Node>("c").log, std::set<std::string>{"hello"});
}

} // namespace
} // namespace broadcast_ack
