//===- FaultsTest.cpp - The fault types shared by engine and simulator ----===//
//
// faultline/faults.h: the check of faults against bounds, whose messages
// both `faultline run` and a replay print, and the random sampler both
// `faultline ldfi --strategy random` and `replay --random` draw from.
//
//===----------------------------------------------------------------------===//

#include "faultline/faults.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace {

using namespace faultline;

/// The check's message, or "ok".
std::string check(const Bounds &B, const FaultSet &F = FaultSet()) {
  return checkFaults(B, F).value_or("ok");
}

const Bounds ABC{4, 3, 1, {"a", "b", "c"}};

TEST(CheckFaults, BadBoundsSayWhatIsWrong) {
  EXPECT_EQ(check({0, 0, 0, {"a"}}), "EOT must be between 1 and 10000 (got 0)");
  EXPECT_EQ(check({MaxEOT + 1, 0, 0, {"a"}}), "EOT must be between 1 and 10000 (got 10001)");
  EXPECT_EQ(check({2147483647, 0, 0, {"a"}}),
            "EOT must be between 1 and 10000 (got 2147483647)");
  EXPECT_EQ(check({MaxEOT, 0, 0, {"a"}}), "ok");
  EXPECT_EQ(check({3, 4, 0, {"a"}}), "EFF must be between 0 and EOT=3 (got 4)");
  EXPECT_EQ(check({3, -1, 0, {"a"}}), "EFF must be between 0 and EOT=3 (got -1)");
  EXPECT_EQ(check({3, 3, 0, {"a"}}), "ok");
  EXPECT_EQ(check({3, 2, -1, {"a"}}), "the number of crashes cannot be negative (got -1)");
  EXPECT_EQ(check({3, 2, 3, {"a", "b"}}),
            "the number of crashes (3) exceeds the number of nodes (2)");
  EXPECT_EQ(check({3, 2, 2, {"a", "b"}}), "ok");
  EXPECT_EQ(check({3, 2, 0, {}}), "the node list is empty");
  EXPECT_EQ(check({3, 2, 0, {"a", ""}}), "the node list contains an empty name");
  EXPECT_EQ(check({3, 2, 0, {"a", "b", "a"}}), "node 'a' is listed twice");
}

TEST(CheckFaults, FaultsOutsideTheBoundsSayWhichAndWhy) {
  FaultSet F;
  F.Crashes = {{"z", 1}};
  EXPECT_EQ(check(ABC, F), "crash of 'z', which is not a node of the scenario");
  F.Crashes = {{"a", 0}};
  EXPECT_EQ(check(ABC, F), "crash time 0 of 'a' is outside 1..EOT=4");
  F.Crashes = {{"a", 5}};
  EXPECT_EQ(check(ABC, F), "crash time 5 of 'a' is outside 1..EOT=4");
  F.Crashes = {{"a", 4}};
  EXPECT_EQ(check(ABC, F), "ok");
  F.Crashes = {{"a", 1}, {"a", 2}};
  EXPECT_EQ(check({4, 3, 2, {"a", "b"}}, F), "node 'a' crashes more than once");
  F.Crashes = {{"a", 1}, {"b", 2}};
  EXPECT_EQ(check(ABC, F), "2 crashes given but the bounds allow 1");

  F.Crashes.clear();
  F.Omissions = {{"a", "z", 1}};
  EXPECT_EQ(check(ABC, F), "omission a->z names a node that is not in the scenario");
  F.Omissions = {{"b", "b", 1}};
  EXPECT_EQ(check(ABC, F), "omission b->b: messages to self are never lost");
  F.Omissions = {{"a", "b", 3}};
  EXPECT_EQ(check(ABC, F),
            "omission a->b@3 is not before EFF=3 (omissions need 1 <= time < EFF)");
  F.Omissions = {{"a", "b", 0}};
  EXPECT_EQ(check(ABC, F),
            "omission a->b@0 is not before EFF=3 (omissions need 1 <= time < EFF)");
  F.Omissions = {{"a", "b", 2}, {"c", "a", 1}};
  EXPECT_EQ(check(ABC, F), "ok");
}

TEST(CheckFaults, RestartsNeedAnEarlierCrashAndTheBound) {
  Bounds B{5, 3, 2, {"a", "b", "c"}};
  B.MaxRestarts = 1;
  EXPECT_EQ(check({4, 3, 1, {"a"}, 0, -1}), "the number of restarts cannot be negative (got -1)");
  FaultSet F;
  F.Restarts = {{"a", 3}};
  EXPECT_EQ(check(B, F), "restart of 'a', which does not crash");
  F.Crashes = {{"a", 3}};
  EXPECT_EQ(check(B, F), "restart time 3 of 'a' is outside 4..EOT=5 (a node restarts at least "
                         "one step after its crash at 3)");
  F.Restarts = {{"a", 6}};
  EXPECT_EQ(check(B, F), "restart time 6 of 'a' is outside 4..EOT=5 (a node restarts at least "
                         "one step after its crash at 3)");
  F.Restarts = {{"a", 4}};
  EXPECT_EQ(check(B, F), "ok");
  F.Restarts = {{"a", 4}, {"a", 5}};
  EXPECT_EQ(check(B, F), "node 'a' restarts more than once");
  F.Crashes = {{"a", 3}, {"b", 1}};
  F.Restarts = {{"a", 4}, {"b", 2}};
  EXPECT_EQ(check(B, F), "2 restarts given but the bounds allow 1");
  B.MaxRestarts = 0;
  F.Restarts = {{"a", 4}};
  EXPECT_EQ(check(B, F), "1 restarts given but the bounds allow 0");
}

TEST(FaultSet, RestartsBringANodeBack) {
  FaultSet F;
  F.Crashes = {{"b", 2}, {"a", 4}};
  F.Restarts = {{"b", 4}};
  EXPECT_EQ(F.describe(), "crash a@4, crash b@2, restart b@4");
  EXPECT_EQ(F.size(), 3u);
  EXPECT_EQ(F.restartTime("b"), 4);
  EXPECT_EQ(F.restartTime("a"), std::nullopt);
  // b is down at 2 and 3, up again from 4; a stays down from 4.
  EXPECT_FALSE(F.down("b", 1));
  EXPECT_TRUE(F.down("b", 2));
  EXPECT_TRUE(F.down("b", 3));
  EXPECT_FALSE(F.down("b", 4));
  EXPECT_TRUE(F.down("a", 5));
  EXPECT_FALSE(F.down("c", 5));
  FaultSet G = F;
  G.Restarts.clear();
  EXPECT_FALSE(F == G);
  EXPECT_TRUE(G < F);
}

TEST(FaultSet, NormalizedSetsCompareAndAnswerQueries) {
  FaultSet F, G;
  F.Omissions = {{"b", "c", 1}, {"a", "c", 2}, {"b", "c", 1}};
  F.Crashes = {{"c", 3}};
  G.Omissions = {{"a", "c", 2}, {"b", "c", 1}};
  G.Crashes = {{"c", 3}};
  EXPECT_EQ(F.describe(), "crash c@3, omit a->c@2, omit b->c@1");
  F.normalize();
  EXPECT_EQ(F, G);
  EXPECT_EQ(F.size(), 3u);
  EXPECT_TRUE(F.omits("b", "c", 1));
  EXPECT_FALSE(F.omits("c", "b", 1));
  EXPECT_FALSE(F.omits("b", "c", 2));
  EXPECT_EQ(F.crashTime("c"), 3);
  EXPECT_EQ(F.crashTime("a"), std::nullopt);
  EXPECT_EQ(FaultSet().describe(), "no faults");
}

TEST(RandomFaults, SameSeedSameFaults) {
  Random R1(7), R2(7), R3(8);
  bool Differs = false;
  for (int I = 0; I < 200; ++I) {
    FaultSet F = randomFaults(ABC, R1);
    EXPECT_EQ(F, randomFaults(ABC, R2));
    Differs = Differs || !(F == randomFaults(ABC, R3));
  }
  EXPECT_TRUE(Differs);
}

TEST(RandomFaults, StayInBoundsAndCoverThem) {
  Bounds B{5, 3, 2, {"a", "b", "c"}};
  Random R(1);
  std::set<std::string> Distinct;
  std::map<size_t, int> CrashCounts;
  std::set<std::string> Crashed;
  std::set<int> CrashTimes, OmissionTimes;
  for (int I = 0; I < 2000; ++I) {
    FaultSet F = randomFaults(B, R);
    ASSERT_EQ(checkFaults(B, F), std::nullopt) << F.describe();
    FaultSet Sorted = F;
    Sorted.normalize();
    EXPECT_EQ(F, Sorted);
    ++CrashCounts[F.Crashes.size()];
    for (const Crash &C : F.Crashes) {
      Crashed.insert(C.Node);
      CrashTimes.insert(C.Time);
    }
    for (const Omission &O : F.Omissions) {
      OmissionTimes.insert(O.Time);
      // Canonical: a crashed node sends nothing, so loses nothing.
      auto At = F.crashTime(O.From);
      EXPECT_TRUE(!At || O.Time < *At) << F.describe();
    }
    Distinct.insert(F.describe());
  }
  EXPECT_EQ(CrashCounts.size(), 3u); // 0, 1 and 2 crashes
  EXPECT_EQ(Crashed, (std::set<std::string>{"a", "b", "c"}));
  EXPECT_EQ(CrashTimes, (std::set<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(OmissionTimes, (std::set<int>{1, 2}));
  EXPECT_GT(Distinct.size(), 500u);
}

TEST(RandomFaults, WithoutRestartsTheDrawsAreAsBefore) {
  // A bound of restarts that allows none draws nothing more: a seed gives
  // the sets it gave before restarts existed (the replay's --random too).
  Bounds B{5, 3, 2, {"a", "b", "c"}};
  Random R1(11), R2(11);
  FaultSet First = randomFaults(B, R1);
  EXPECT_EQ(First.describe(), randomFaults(B, R2).describe());
  EXPECT_TRUE(First.Restarts.empty());
}

TEST(RandomFaults, RestartsStayInBoundsAndCoverThem) {
  Bounds B{5, 4, 2, {"a", "b", "c"}};
  B.MaxRestarts = 1;
  Random R(5);
  std::set<int> RestartTimes;
  bool OmissionAfterRestart = false;
  for (int I = 0; I < 2000; ++I) {
    FaultSet F = randomFaults(B, R);
    ASSERT_EQ(checkFaults(B, F), std::nullopt) << F.describe();
    for (const Restart &Re : F.Restarts)
      RestartTimes.insert(Re.Time);
    for (const Omission &O : F.Omissions) {
      EXPECT_FALSE(F.down(O.From, O.Time)) << F.describe();
      OmissionAfterRestart = OmissionAfterRestart || F.restartTime(O.From).has_value();
    }
  }
  EXPECT_EQ(RestartTimes, (std::set<int>{2, 3, 4, 5}));
  EXPECT_TRUE(OmissionAfterRestart);
}

TEST(RandomFaults, NoRoomMeansNoFaults) {
  Random R(3);
  for (int I = 0; I < 50; ++I)
    EXPECT_TRUE(randomFaults({4, 0, 0, {"a", "b"}}, R).empty());
  for (int I = 0; I < 50; ++I)
    EXPECT_TRUE(randomFaults({4, 3, 0, {"a"}}, R).empty()); // nobody to lose a message to
}

} // namespace

TEST(CheckFaults, TimerDelaysStayWithinTheSlack) {
  Bounds B{6, 0, 0, {"a", "b"}, 2};
  EXPECT_EQ(check({6, 0, 0, {"a"}, 7}), "the timer slack must be between 0 and EOT=6 (got 7)");
  EXPECT_EQ(check({6, 0, 0, {"a"}, -1}), "the timer slack must be between 0 and EOT=6 (got -1)");
  FaultSet F;
  F.TimerDelays = {{"a", "t", 3, 2}};
  EXPECT_EQ(check(B, F), "ok");
  F.TimerDelays = {{"a", "t", 3, 3}};
  EXPECT_EQ(check(B, F), "timer a.t (due 3) is delayed by 3 steps but the timer slack allows 1..2");
  F.TimerDelays = {{"z", "t", 3, 1}};
  EXPECT_EQ(check(B, F), "timer z.t (due 3) names a node that is not in the scenario");
  F.TimerDelays = {{"a", "t", 1, 1}};
  EXPECT_EQ(check(B, F), "timer a.t (due 1): the due step must be between 2 and EOT=6");
  F.TimerDelays = {{"a", "t", 3, 1}, {"a", "t", 3, 2}};
  EXPECT_EQ(check(B, F), "timer a.t (due 3) is delayed more than once");
}

TEST(FaultSet, TimerDelaysAreFaultsThatSayWhenTheTimerFires) {
  FaultSet F;
  F.TimerDelays = {{"b", "t", 4, 1}, {"a", "t", 2, 2}};
  F.Crashes = {{"c", 3}};
  F.normalize();
  EXPECT_EQ(F.describe(), "crash c@3, fire a.t@4 (due 2), fire b.t@5 (due 4)");
  EXPECT_EQ(F.size(), 3u);
  EXPECT_EQ(F.timerDelay("a", "t", 2), 2);
  EXPECT_EQ(F.timerDelay("a", "t", 4), 0);
  EXPECT_EQ(F.timerDelay("b", "u", 4), 0);
  FaultSet G = F;
  G.TimerDelays[0].Delay = 1;
  EXPECT_FALSE(F == G);
}
