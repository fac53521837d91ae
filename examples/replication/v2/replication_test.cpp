//===- replication_test.cpp - v2, run for real ----------------------------===//
//
// v2's normal behaviour in faultline's simulator: the compiled handlers,
// with the model's timing (common/replication_test.h).
//
//===----------------------------------------------------------------------===//

#include "../common/replication_test.h"
#include "replication.h"

namespace replication::v2 {
namespace {

std::string valueOf(const std::string &E) { return E; }

class ReplicationV2 : public ::testing::Test {
protected:
  void SetUp() override { faultline::sim::describeProtocol(P); }
  faultline::sim::Protocol P;
};

TEST_F(ReplicationV2, WithoutFaultsEveryWriteIsReplicatedAndAcknowledged) {
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

} // namespace
} // namespace replication::v2
