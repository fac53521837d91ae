//===- replication_test.cpp - v6, run for real ----------------------------===//
//
// v6's normal behaviour in faultline's simulator: the compiled handlers,
// with the model's timing (common/replication_test.h).
//
//===----------------------------------------------------------------------===//

#include "../common/replication_test.h"
#include "replication.h"

namespace replication::v6 {
namespace {

std::string valueOf(const Op &E) { return E.value; }

class ReplicationV6 : public ::testing::Test {
protected:
  void SetUp() override { faultline::sim::describeProtocol(P); }
  faultline::sim::Protocol P;
};

TEST_F(ReplicationV6, WithoutFaultsEveryWriteIsReplicatedAndAcknowledged) {
  faultline::sim::Outcome Out = faultline::sim::Simulator(P).run("primaryCrash");
  EXPECT_FALSE(Out.violates());
  EXPECT_TRUE(Out.Warnings.empty());
  EXPECT_EQ(ackedWrites(Out), (std::vector<std::string>{"x", "y", "z"}));
  std::map<int, std::string> Want{{0, "x"}, {1, "y"}, {2, "z"}};
  for (const char *R : {"a", "b", "c"})
    EXPECT_EQ(logOf<Replica>(Out, R, valueOf), Want) << R;
  EXPECT_TRUE(Out.node<Replica>("c").primary);
  EXPECT_FALSE(Out.node<Replica>("a").primary);
}

TEST_F(ReplicationV6, AfterThePrimaryCrashesTheSuccessorTakesOver) {
  faultline::FaultSet F;
  F.Crashes = {{"c", 7}};
  faultline::sim::Outcome Out = faultline::sim::Simulator(P).run("primaryCrash", F);
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Master>("M").primary, "b");
  EXPECT_EQ(Out.node<Master>("M").term, 2);
  EXPECT_TRUE(Out.node<Replica>("b").primary);
  EXPECT_EQ(Out.node<Client>("C").primary, "b");
  // The writes after the failover are in the new term, on both live replicas.
  EXPECT_EQ(ackedWrites(Out), (std::vector<std::string>{"x", "y", "z"}));
  for (const char *R : {"a", "b"}) {
    const auto &Log = Out.node<Replica>(R).log;
    ASSERT_EQ(Log.size(), 3u) << R;
    EXPECT_EQ(Log.at(2).term, 2) << R;
  }
}

TEST_F(ReplicationV6, AfterTwoCrashesTheFirstInSyncSuccessorTakesOver) {
  // v5's dormant bug: b leaves the in-sync set, then the primary c crashes.
  faultline::FaultSet F;
  F.Crashes = {{"b", 5}, {"c", 7}};
  faultline::sim::Outcome Out = faultline::sim::Simulator(P).run("twoCrashes", F);
  EXPECT_FALSE(Out.violates());
  EXPECT_EQ(Out.node<Master>("M").primary, "a");
  EXPECT_TRUE(Out.node<Replica>("a").primary);
  EXPECT_EQ(Out.node<Client>("C").primary, "a");
}

} // namespace
} // namespace replication::v6
