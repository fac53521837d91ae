//===- raft_test.cpp - Raft, run for real ----------------------------------===//
//
// The server's normal behaviour in faultline's simulator: the compiled
// handlers and timers, with the model's timing, in the scenarios of
// raft.cpp without faults.
//
//===----------------------------------------------------------------------===//

#include "raft.h"

#include "faultline/simulator.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

class Raft : public ::testing::Test {
protected:
  void SetUp() override { faultline::sim::describeProtocol(P); }
  faultline::sim::Protocol P;
};

TEST_F(Raft, OneOfTwoCandidatesWinsTheSplitVote) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("splitVote");
  EXPECT_FALSE(Out.violates());
  // c hears a's request first and elects it; b learns of a's leadership
  // from its first AppendEntries.
  const Server &A = Out.node<Server>("a");
  EXPECT_EQ(A.role, Role::Leader);
  EXPECT_EQ(A.termsLed, std::set<uint64_t>{1});
  EXPECT_EQ(Out.node<Server>("b").role, Role::Follower);
  EXPECT_TRUE(Out.node<Server>("b").termsLed.empty());
  EXPECT_EQ(Out.node<Server>("c").votedFor, "a");
}

TEST_F(Raft, TheLeaderReplicatesAndCommitsItsCommands) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("replication");
  EXPECT_FALSE(Out.violates());
  for (const char *N : {"a", "b", "c"}) {
    const Server &S = Out.node<Server>(N);
    ASSERT_EQ(S.log.size(), 2u) << N;
    EXPECT_EQ(S.log[0].command, 7) << N;
    EXPECT_EQ(S.log[1].command, 8) << N;
    // The first command is committed everywhere; the leader learns that
    // b holds the second one at EOT, which takes effect after it.
    EXPECT_EQ(S.commitIndex, 1u) << N;
  }
  EXPECT_EQ(Out.node<Server>("a").matchIndex.at("b"), 1u);
}

TEST_F(Raft, AStaleLeaderStepsDownAndTouchesNoLog) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("staleLeader");
  EXPECT_FALSE(Out.violates());
  const Server &A = Out.node<Server>("a");
  EXPECT_EQ(A.role, Role::Follower);
  EXPECT_EQ(A.currentTerm, 2u);
  const Server &B = Out.node<Server>("b");
  ASSERT_EQ(B.log.size(), 2u);
  EXPECT_EQ(B.log[1].term, 2u);
}

TEST_F(Raft, AnEntryOfAnOlderTermIsNotCommittedByCounting) {
  faultline::sim::Simulator Sim(P);
  faultline::sim::Outcome Out = Sim.run("figure8");
  EXPECT_FALSE(Out.violates());
  // a holds its term-2 entry on a majority but does not commit it; c, with
  // the newer log, wins term 6, and its AppendEntries reach a and b at EOT.
  EXPECT_EQ(Out.node<Server>("a").commitIndex, 1u);
  EXPECT_EQ(Out.node<Server>("b").commitIndex, 1u);
  const Server &C = Out.node<Server>("c");
  EXPECT_EQ(C.role, Role::Leader);
  EXPECT_EQ(C.termsLed, (std::set<uint64_t>{3, 6}));
  EXPECT_EQ(Out.node<Server>("a").role, Role::Follower);
}

} // namespace
} // namespace raft
