//===- broadcast_retry_test.cpp - The retrying broadcast, run for real ----===//
//
// The protocol's normal behaviour, in faultline's simulator: the compiled
// handlers, with the model's timing.
//
//===----------------------------------------------------------------------===//

#include "broadcast_retry.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

namespace broadcast_retry {
namespace {

using faultline::sim::Fate;

class BroadcastRetry : public ::testing::Test {
protected:
  void SetUp() override { faultline::sim::describeProtocol(P); }
  faultline::sim::Protocol P;
};

TEST_F(BroadcastRetry, WithoutFaultsEveryNodeDelivers) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostMessages");
  EXPECT_FALSE(Out.violates());
  EXPECT_TRUE(Out.Warnings.empty());
  for (const char *N : {"a", "b", "c"})
    EXPECT_EQ(Out.node<Node>(N).log, std::set<std::string>{"hello"}) << N;
  EXPECT_TRUE(Out.node<Node>("a").sending);
  EXPECT_FALSE(Out.node<Node>("b").sending);
}

TEST_F(BroadcastRetry, TheSenderRepeatsItsCopiesAtEveryStep) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostMessages");
  // Two copies a step, steps 1 to EOT=6; only a sends.
  ASSERT_EQ(Out.Messages.size(), 12u);
  for (size_t I = 0; I < Out.Messages.size(); ++I) {
    EXPECT_EQ(Out.Messages[I].From, "a");
    EXPECT_EQ(Out.Messages[I].SendTime, static_cast<int>(I / 2) + 1);
  }
  EXPECT_EQ(Out.Messages.back().What, Fate::AfterEOT);
}

TEST_F(BroadcastRetry, LossesBeforeEFFOnlyDelayDelivery) {
  faultline::sim::Simulator Sim(P);
  faultline::FaultSet F;
  F.Omissions = {{"a", "b", 1}, {"a", "b", 2}};
  faultline::sim::Outcome Out = Sim.run("lostMessages", F);
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Node>("b").log, std::set<std::string>{"hello"});
  // b's first copy is the one sent at 3.
  for (const faultline::sim::HandledMessage &H : Out.Handled)
    if (H.Node == "b") {
      EXPECT_EQ(H.Arrival, 4);
      break;
    }
}

} // namespace
} // namespace broadcast_retry
