//===- SearchTest.cpp - The search strategies on small programs -----------===//

#include "TestModel.h"

#include "faultline/Search/Search.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include <chrono>

using namespace faultline;
using search::Strategy;
using search::Verdict;
using test::bounds;
using test::Model;

namespace {

search::SearchResult searchWith(Model &M, const Bounds &B, Strategy S,
                                unsigned MaxRuns = 0, bool FindAll = false) {
  search::SearchOptions O;
  O.Strat = S;
  O.MaxRuns = MaxRuns;
  O.FindAll = FindAll;
  return search::search(*M.Ev, B, O, M.Diags);
}

/// Retries until the end; the sender may crash.
const char *Retry = R"(
node(N, M)@next :- node(N, M);
bcast(N, P)@next :- bcast(N, P);
log(N, P)@next :- log(N, P);
log(M, P)@async :- bcast(N, P), node(N, M);
log(N, P) :- bcast(N, P);
node("a", "b")@1; node("a", "c")@1;
bcast("a", "x")@1;
pre(N, P) :- log(N, P), node(_, N), notin crash(N, N, _), log(S, P), notin crash(S, S, _);
post(N, P) :- log(N, P);
)";

} // namespace

TEST(Search, LdfiFindsTheOneOmissionThatBreaksSendOnce) {
  Model M(test::SendOnceBroadcast);
  auto R = searchWith(M, bounds(4, 2, {"a", "b", "c"}), Strategy::LDFI);
  ASSERT_EQ(R.V, Verdict::Counterexample);
  ASSERT_EQ(R.Found.size(), 1u);
  EXPECT_EQ(R.Found[0].Faults.size(), 1u);
  EXPECT_EQ(R.Runs, 2u);
  ASSERT_TRUE(R.Found[0].Run);
  EXPECT_TRUE(R.Found[0].Run->violates());
}

TEST(Search, LdfiFindAllReportsEachMinimalCounterexample) {
  Model M(test::SendOnceBroadcast);
  auto R = searchWith(M, bounds(4, 2, {"a", "b", "c"}), Strategy::LDFI, 0, /*FindAll=*/true);
  std::set<std::string> Found;
  for (auto &C : R.Found)
    Found.insert(C.Faults.describe());
  EXPECT_EQ(Found, (std::set<std::string>{"omit a->b@1", "omit a->c@1"}));
}

TEST(Search, LdfiCertifiesRetryWithoutCrashes) {
  Model M(Retry);
  auto R = searchWith(M, bounds(5, 3, {"a", "b", "c"}), Strategy::LDFI);
  EXPECT_EQ(R.V, Verdict::Certified);
  EXPECT_LT(R.Runs, 5u);
}

TEST(Search, ExhaustiveAgreesWithLdfi) {
  Model M(Retry);
  for (int Crashes : {0, 1}) {
    Bounds B = bounds(4, 2, {"a", "b", "c"}, Crashes);
    auto L = searchWith(M, B, Strategy::LDFI);
    auto E = searchWith(M, B, Strategy::Exhaustive);
    EXPECT_EQ(L.V, E.V) << "crashes " << Crashes;
    if (E.V == Verdict::Counterexample) {
      EXPECT_EQ(L.Found[0].Faults.size(), E.Found[0].Faults.size());
      EXPECT_LE(L.Runs, E.Runs);
    }
  }
}

TEST(Search, ExhaustiveVisitsTheWholeSpaceWhenCertifying) {
  Model M(Retry);
  Bounds B = bounds(3, 2, {"a", "b", "c"}, 1);
  auto E = searchWith(M, B, Strategy::Exhaustive, 0, /*FindAll=*/true);
  // Every scenario of the space is run exactly once.
  EXPECT_EQ(static_cast<long double>(E.Runs), search::faultSpaceSize(B));
}

TEST(Search, NoFaultNeededWhenTheFailureFreeRunViolates) {
  Model M(R"(pre("a", 1)@1; never(N, X) :- pre(N, X), X > 5; post(N, X) :- never(N, X);)");
  auto R = searchWith(M, bounds(1, 0, {"a"}), Strategy::LDFI);
  EXPECT_EQ(R.V, Verdict::Counterexample);
  EXPECT_TRUE(R.NoFaultNeeded);
  EXPECT_EQ(R.Runs, 1u);
}

TEST(Search, MaxRunsEndsTheSearchInconclusive) {
  Model M(Retry);
  auto R = searchWith(M, bounds(5, 3, {"a", "b", "c"}, 1), Strategy::Random, 3);
  EXPECT_LE(R.Runs, 3u);
  if (R.V != Verdict::Counterexample) {
    EXPECT_EQ(R.V, Verdict::Inconclusive);
    EXPECT_EQ(R.StopReason, "max runs reached");
  }
}

TEST(Search, TimeoutStopsARunThatNeverConverges) {
  // One run of this program never ends: the timeout must strike inside it,
  // not only between runs.
  Model M(R"(c("a", 0)@1; c(N, X + 1) :- c(N, X); pre(N, X) :- c(N, X); post(N, X) :- c(N, X);)");
  search::SearchOptions O;
  O.TimeoutSeconds = 0.2;
  O.Limits.MaxStepDerivations = 0;
  auto Begin = std::chrono::steady_clock::now();
  auto R = search::search(*M.Ev, bounds(3, 2, {"a"}), O, M.Diags);
  EXPECT_LT(std::chrono::steady_clock::now() - Begin, std::chrono::seconds(10));
  EXPECT_FALSE(R.Failed);
  EXPECT_EQ(M.Diags.errorCount(), 0u) << M.ErrText;
  EXPECT_EQ(R.V, Verdict::Inconclusive);
  EXPECT_EQ(R.StopReason, "timeout");
  EXPECT_EQ(R.Runs, 0u); // The interrupted run does not count.
}

TEST(Search, FaultSpaceSizeSmallCases) {
  // Two nodes, EFF 2: one send step, two channels: 4 scenarios.
  EXPECT_EQ(search::faultSpaceSize(bounds(3, 2, {"a", "b"}, 0)), 4.0L);
  // EFF 0, one crash among two nodes over 3 steps: none, or 2*3.
  EXPECT_EQ(search::faultSpaceSize(bounds(3, 0, {"a", "b"}, 1)), 7.0L);
}

TEST(Search, FaultSpaceSizeCountsRestarts) {
  // EFF 0, one crash among two nodes over 3 steps, which may restart: a
  // crash at 1 can come back at 2 or 3, one at 2 at 3: 7 + 2*3.
  Bounds B = bounds(3, 0, {"a", "b"}, 1);
  B.MaxRestarts = 1;
  EXPECT_EQ(search::faultSpaceSize(B), 13.0L);
  EXPECT_NEAR(search::faultSpaceLog10(B), std::log10(13.0), 1e-9);
  Bounds Lossy = bounds(6, 4, {"a", "b", "c"}, 2);
  Lossy.MaxRestarts = 2;
  EXPECT_NEAR(search::faultSpaceLog10(Lossy), std::log10(search::faultSpaceSize(Lossy)), 1e-9);
}

TEST(Search, FaultSpaceLog10StaysFinite) {
  for (const Bounds &B : {bounds(3, 2, {"a", "b"}, 0), bounds(3, 0, {"a", "b"}, 1),
                          bounds(6, 4, {"a", "b", "c"}, 2)})
    EXPECT_NEAR(search::faultSpaceLog10(B), std::log10(search::faultSpaceSize(B)), 1e-9);
  // Ten nodes, EFF 200: 1.5737172...e5393 scenarios (by big-integer
  // arithmetic), beyond a long double.
  std::vector<std::string> Ten{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  Bounds Huge = bounds(200, 200, Ten, 2);
  EXPECT_TRUE(std::isinf(search::faultSpaceSize(Huge)));
  EXPECT_NEAR(search::faultSpaceLog10(Huge), 5393.0 + std::log10(1.5737172), 1e-6);
}

TEST(Search, ExhaustiveWalksEachCanonicalScenarioOnce) {
  // Nothing to violate, so the exhaustive search runs the whole space: with
  // two crashes and omissions, each canonical fault set exactly once,
  // smallest first.
  Model M(R"(p(N, X)@async :- q(N, X, M); q("a", 1, "b")@1; r(N) :- q(N, _, _);)");
  for (int Crashes : {0, 1, 2}) {
    Bounds B = bounds(3, 3, {"a", "b", "c"}, Crashes);
    auto E = searchWith(M, B, Strategy::Exhaustive);
    EXPECT_EQ(E.V, Verdict::Certified);
    EXPECT_EQ(static_cast<long double>(E.Runs), search::faultSpaceSize(B)) << Crashes;
    std::set<FaultSet> Seen;
    size_t Last = 0;
    for (const search::Execution &X : E.Executions) {
      EXPECT_TRUE(Seen.insert(X.Faults).second) << X.Faults.describe();
      EXPECT_GE(X.Faults.size(), Last);
      Last = X.Faults.size();
      EXPECT_FALSE(checkFaults(B, X.Faults).has_value()) << X.Faults.describe();
    }
  }
}

TEST(Search, ExhaustiveWalksEachScenarioWithRestartsOnce) {
  // With restarts, each canonical set once too (a restarted node's sends
  // from its restart on can be lost again), as many as the space counts.
  Model M(R"(p(N, X)@async :- q(N, X, M); q("a", 1, "b")@1; r(N) :- q(N, _, _);)");
  for (int Restarts : {1, 2}) {
    Bounds B = bounds(3, 3, {"a", "b"}, 2);
    B.MaxRestarts = Restarts;
    auto E = searchWith(M, B, Strategy::Exhaustive);
    EXPECT_EQ(E.V, Verdict::Certified);
    EXPECT_EQ(static_cast<long double>(E.Runs), search::faultSpaceSize(B)) << Restarts;
    std::set<FaultSet> Seen;
    size_t Last = 0, WithRestarts = 0;
    bool LostAfterRestart = false;
    for (const search::Execution &X : E.Executions) {
      EXPECT_TRUE(Seen.insert(X.Faults).second) << X.Faults.describe();
      EXPECT_GE(X.Faults.size(), Last);
      Last = X.Faults.size();
      EXPECT_FALSE(checkFaults(B, X.Faults).has_value()) << X.Faults.describe();
      WithRestarts += X.Faults.Restarts.size() == static_cast<size_t>(Restarts);
      for (const Omission &O : X.Faults.Omissions)
        LostAfterRestart = LostAfterRestart || (X.Faults.restartTime(O.From) &&
                                                O.Time >= *X.Faults.restartTime(O.From));
    }
    EXPECT_GT(WithRestarts, 0u);
    EXPECT_TRUE(LostAfterRestart);
  }
}

/// Each space shard's search of M within B, and the unsharded one.
std::vector<search::SearchResult> spaceShards(Model &M, const Bounds &B, Strategy S,
                                              unsigned Count) {
  std::vector<search::SearchResult> Out;
  for (unsigned J = 0; J <= Count; ++J) {
    search::SearchOptions O;
    O.Strat = S;
    O.Seed = 3;
    if (J < Count) {
      O.SpaceShard = J;
      O.SpaceShards = Count;
    }
    Out.push_back(search::search(*M.Ev, B, O, M.Diags));
  }
  return Out;
}

TEST(Search, SpaceShardsRunEachScenarioOnceAndFindTheFirstCounterexample) {
  Model M(Retry); // certified: every part walks all of its part
  for (Strategy S : {Strategy::Exhaustive, Strategy::Random}) {
    Bounds B = bounds(3, 2, {"a", "b", "c"}, 1);
    auto Parts = spaceShards(M, B, S, 3);
    search::SearchResult Whole = std::move(Parts.back());
    Parts.pop_back();
    // Together the parts run what the unsharded search runs, each once.
    std::multiset<FaultSet> Run, WholeRun;
    for (const search::SearchResult &P : Parts)
      for (const search::Execution &E : P.Executions)
        Run.insert(E.Faults);
    for (const search::Execution &E : Whole.Executions)
      WholeRun.insert(E.Faults);
    EXPECT_EQ(Run, WholeRun) << static_cast<int>(S);
    // Stopping at the first: the part with the smallest position has the
    // unsharded search's counterexample.
    Model Broken(test::SendOnceBroadcast);
    Parts = spaceShards(Broken, B, S, 3);
    Whole = std::move(Parts.back());
    Parts.pop_back();
    ASSERT_EQ(Whole.V, Verdict::Counterexample);
    const search::Counterexample *First = nullptr;
    for (const search::SearchResult &P : Parts)
      if (!P.Found.empty() && (!First || P.Found[0].Position < First->Position))
        First = &P.Found[0];
    ASSERT_TRUE(First);
    EXPECT_EQ(First->Faults, Whole.Found[0].Faults);
    EXPECT_EQ(First->Position, Whole.Found[0].Position);
  }
}

TEST(Search, BoundsWithoutFaultsNeedOneRunAndNoLineage) {
  // No crashes and no omissions (EFF 1: no send time before it): the
  // failure-free run is the whole space. At a large EOT the lineage and
  // grounding of that run used to cost far more than the run.
  Model M(Retry);
  auto R = searchWith(M, bounds(400, 1, {"a", "b", "c"}, 0), Strategy::LDFI);
  EXPECT_EQ(R.V, Verdict::Certified);
  EXPECT_EQ(R.Runs, 1u);
  EXPECT_EQ(R.SolverChecks, 0u);
  EXPECT_EQ(R.LineageSeconds, 0.0);
}

TEST(Search, MemoryBudgetStopsTheSearchWithAnError) {
  // A budget of one byte over what the process held: the search's lineage
  // and solver grow it, and the search stops with an error naming the
  // option, not a verdict.
  Model M(Retry);
  search::SearchOptions O;
  O.Limits.MaxMemory = 1;
  O.Limits.MemoryBase = 1; // as if the process held one byte when it began
  auto R = search::search(*M.Ev, bounds(5, 3, {"a", "b", "c"}, 1), O, M.Diags);
  EXPECT_TRUE(R.Failed);
  EXPECT_NE(M.ErrText.find("exceeds the memory budget of 0 MB"), std::string::npos) << M.ErrText;
  EXPECT_NE(M.ErrText.find("--max-memory raises it"), std::string::npos);
}

namespace {

/// A timer that re-arms itself one step ahead each time it fires.
const char *Ticker = R"(
timer t/1;
arm_t("a", 1)@1;
arm_t(N, 1) :- t(N);
ticks(N) :- t(N);
)";

} // namespace

TEST(SearchTimers, ExhaustiveWalksEveryFiringScheduleOnce) {
  // With one step of slack, the tick due at d fires at d (the next is due
  // at d + 1) or at d + 1 (due at d + 2), and one due at EOT may fire past
  // it: N(d) = N(d + 1) + N(d + 2), N(6) = N(7) = 1, so N(2) = 8 schedules.
  Model M(Ticker);
  Bounds B = bounds(5, 0, {"a"});
  B.TimerSlack = 1;
  search::SearchResult R = searchWith(M, B, Strategy::Exhaustive);
  EXPECT_EQ(R.V, Verdict::Certified);
  EXPECT_TRUE(R.TimerFirings);
  EXPECT_EQ(R.Runs, 8u);
  std::set<FaultSet> Seen;
  for (const search::Execution &E : R.Executions)
    EXPECT_TRUE(Seen.insert(E.Faults).second) << E.Faults.describe();
  // Without slack there is one schedule, and nothing to choose.
  B.TimerSlack = 0;
  R = searchWith(M, B, Strategy::Exhaustive);
  EXPECT_EQ(R.Runs, 1u);
  EXPECT_FALSE(R.TimerFirings);
}

TEST(SearchTimers, ExhaustiveWalksTheSchedulesOfEveryRestart) {
  // The ticker, armed again when its node restarts. A restart at r disarms
  // the pending tick (docs/ir-reference.md, "Restarts"), so before r the
  // schedules are those of ticks fired before r: M(d) = M(d + 1) + M(d + 2)
  // for d < r, 1 from r on (M(2) = 1, 2, 3, 5 for r = 2..5); after it the
  // new tick due at r + 1 has N(r + 1) = 5, 3, 2, 1 (N as above). With
  // the r - 1 crash times before r: 5 + 2*6 + 3*6 + 4*5 = 55 schedules with
  // a restart, 8 without faults and 5 * 8 with a crash alone.
  Model M(std::string(Ticker) + "arm_t(N, 1) :- restart(N, _);\n");
  Bounds B = bounds(5, 0, {"a"}, 1);
  B.MaxRestarts = 1;
  B.TimerSlack = 1;
  search::SearchResult R = searchWith(M, B, Strategy::Exhaustive);
  EXPECT_EQ(R.V, Verdict::Certified);
  EXPECT_EQ(R.Runs, 8u + 40u + 55u);
  std::set<FaultSet> Seen;
  unsigned Restarted = 0;
  for (const search::Execution &E : R.Executions) {
    EXPECT_TRUE(Seen.insert(E.Faults).second) << E.Faults.describe();
    Restarted += !E.Faults.Restarts.empty();
  }
  EXPECT_EQ(Restarted, 55u);
}

TEST(SearchTimers, RandomSearchDrawsFiringSchedules) {
  Model M(Ticker);
  Bounds B = bounds(5, 0, {"a"});
  B.TimerSlack = 1;
  search::SearchResult R = searchWith(M, B, Strategy::Random, 200);
  std::set<FaultSet> Seen;
  for (const search::Execution &E : R.Executions)
    Seen.insert(E.Faults);
  // Every one of the 8 schedules is drawn; repeats end the search.
  EXPECT_EQ(Seen.size(), 8u);
  EXPECT_EQ(R.StopReason, "no new random scenarios");
}

TEST(Search, SpaceShardsOfExhaustiveSearchKeepEachTimerScheduleWithItsFaults) {
  Model M(Ticker);
  Bounds B = bounds(5, 0, {"a"});
  B.TimerSlack = 1;
  auto Parts = spaceShards(M, B, Strategy::Exhaustive, 2);
  // One fault set (none), so the first part runs its 8 schedules and the
  // second nothing; both certify their parts.
  EXPECT_EQ(Parts[0].Runs, 8u);
  EXPECT_EQ(Parts[1].Runs, 0u);
  EXPECT_EQ(Parts[1].V, Verdict::Certified);
  // Random search cannot split the schedules it draws as it runs.
  search::SearchOptions O;
  O.Strat = Strategy::Random;
  O.SpaceShards = 2;
  EXPECT_TRUE(search::search(*M.Ev, B, O, M.Diags).Failed);
}
