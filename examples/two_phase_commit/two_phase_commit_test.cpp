//===- two_phase_commit_test.cpp - Two-phase commit, run for real ---------===//
//
// The protocol's normal behaviour, in faultline's simulator: the compiled
// handlers, with the model's timing.
//
//===----------------------------------------------------------------------===//

#include "two_phase_commit.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

namespace two_phase_commit {
namespace {

/// As the example's scenarios, with agent d unwilling to commit.
void oneUnwilling(faultline::Scenario &s) {
  s.bounds(12, 3, 0);
  s.node<Coordinator>("C");
  s.node<Agent>("a");
  s.node<Agent>("b");
  s.node<Agent>("d");
  s.add("C", &Coordinator::agents, "a");
  s.add("C", &Coordinator::agents, "b");
  s.add("C", &Coordinator::agents, "d");
  s.init("a", &Agent::willing, true);
  s.init("b", &Agent::willing, true);
  s.init("d", &Agent::willing, false);
  s.deliver<Begin>("C", "client", Begin{"t1"}, 1);
}

class TwoPhaseCommit : public ::testing::Test {
protected:
  void SetUp() override {
    faultline::sim::describeProtocol(P);
    P.scenario("oneUnwilling", &oneUnwilling);
  }
  faultline::sim::Protocol P;
};

TEST_F(TwoPhaseCommit, WithoutFaultsEveryoneCommits) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostMessages");
  EXPECT_FALSE(Out.violates());
  EXPECT_TRUE(Out.Warnings.empty());
  const Coordinator &C = Out.node<Coordinator>("C");
  EXPECT_EQ(C.phase, Phase::Decided);
  EXPECT_EQ(C.decision, Outcome::Commit);
  EXPECT_EQ(C.xact, "t1");
  for (const char *N : {"a", "b", "d"}) {
    EXPECT_TRUE(Out.node<Agent>(N).voted) << N;
    EXPECT_EQ(Out.node<Agent>(N).decision, Outcome::Commit) << N;
  }
}

TEST_F(TwoPhaseCommit, TheCoordinatorCollectsOneVoteAStep) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("lostMessages");
  std::vector<int> Votes;
  for (const faultline::sim::HandledMessage &H : Out.Handled)
    if (H.Node == "C" && H.Relation == "vote")
      Votes.push_back(H.Time);
  ASSERT_GE(Votes.size(), 3u);
  EXPECT_EQ(std::vector<int>(Votes.begin(), Votes.begin() + 3), (std::vector<int>{3, 4, 5}));
  // The decision goes out with the third vote.
  for (const faultline::sim::SentMessage &M : Out.Messages) {
    if (M.Relation == "decision") {
      EXPECT_GE(M.SendTime, 5);
    }
  }
}

TEST_F(TwoPhaseCommit, ANoVoteAbortsEveryone) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("oneUnwilling");
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Coordinator>("C").decision, Outcome::Abort);
  for (const char *N : {"a", "b", "d"})
    EXPECT_EQ(Out.node<Agent>(N).decision, Outcome::Abort) << N;
}

TEST_F(TwoPhaseCommit, RetransmissionRidesOutALostPrepare) {
  faultline::sim::Simulator Sim(P);
  faultline::FaultSet F;
  F.Omissions = {{"C", "d", 1}};
  faultline::sim::Outcome Out = Sim.run("lostMessages", F);
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Agent>("d").decision, Outcome::Commit);
}

} // namespace
} // namespace two_phase_commit
