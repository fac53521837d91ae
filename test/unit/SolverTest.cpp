//===- SolverTest.cpp - Hitting sets on hand-built lineage graphs ---------===//

#include "faultline/Solver/HittingSets.h"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <set>

using namespace faultline;
using lineage::Lineage;
using lineage::LineageVertex;
using lineage::Vertex;
using lineage::VertexKind;

namespace {

/// Builds lineage graphs by hand: outcomes, firings and messages.
class GraphBuilder {
public:
  Vertex outcome(const std::string &Key) {
    Vertex V = tuple(Key);
    L.Outcomes.push_back(V);
    return V;
  }
  Vertex tuple(const std::string &Key, bool Given = false) {
    LineageVertex LV;
    LV.Kind = VertexKind::Tuple;
    LV.Key = Key;
    LV.Given = Given;
    return boost::add_vertex(LV, L.Graph);
  }
  /// A firing of Head that needs all of Needs.
  Vertex firing(Vertex Head, std::vector<Vertex> Needs) {
    LineageVertex LV;
    LV.Kind = VertexKind::Firing;
    Vertex F = boost::add_vertex(LV, L.Graph);
    boost::add_edge(Head, F, L.Graph);
    for (Vertex N : Needs)
      boost::add_edge(F, N, L.Graph);
    return F;
  }
  Vertex message(const std::string &From, const std::string &To, int T) {
    LineageVertex LV;
    LV.Kind = VertexKind::Message;
    LV.From = From;
    LV.To = To;
    LV.SendTime = T;
    return boost::add_vertex(LV, L.Graph);
  }
  Lineage L;
};

Bounds bounds(int EOT, int EFF, int Crashes) {
  Bounds B;
  B.EOT = EOT;
  B.EFF = EFF;
  B.MaxCrashes = Crashes;
  B.Nodes = {"a", "b", "c"};
  return B;
}

/// Every candidate the solver proposes, in order.
std::vector<std::string> drain(solver::HittingSetSolver &S) {
  std::vector<std::string> Out;
  while (auto F = S.next())
    Out.push_back(F->describe());
  return Out;
}

} // namespace

TEST(HittingSets, TwoIndependentRoutesNeedTwoOmissions) {
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.message("a", "b", 1)});
  G.firing(O, {G.message("c", "b", 1)});
  solver::HittingSetSolver S(bounds(4, 2, 0));
  S.addRun(G.L, {});
  EXPECT_EQ(drain(S), std::vector<std::string>{"omit a->b@1, omit c->b@1"});
}

TEST(HittingSets, OneDerivationWithTwoSupportsGivesSingletonsSmallestFirst) {
  GraphBuilder G;
  Vertex O = G.outcome("done(b)");
  G.firing(O, {G.message("a", "b", 1), G.message("a", "c", 2)});
  solver::HittingSetSolver S(bounds(4, 3, 1));
  S.addRun(G.L, {});
  std::vector<std::string> Got = drain(S);
  // A crash of a is postponed to the latest time that still cuts a message:
  // 2 (cuts the second); crash a@1 would be a superset in effect.
  std::set<std::string> Expected{"omit a->b@1", "omit a->c@2", "crash a@2"};
  EXPECT_EQ(std::set<std::string>(Got.begin(), Got.end()), Expected);
  EXPECT_EQ(Got.size(), 3u);
}

TEST(HittingSets, MessagesAfterEffCannotBeLostWithoutCrashes) {
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.message("a", "b", 3)});
  solver::HittingSetSolver S(bounds(5, 3, 0));
  S.addRun(G.L, {});
  EXPECT_FALSE(S.next().has_value());
}

TEST(HittingSets, GivenTuplesCannotBeBroken) {
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.tuple("fact", /*Given=*/true)});
  G.firing(O, {G.message("a", "b", 1)});
  solver::HittingSetSolver S(bounds(4, 3, 1));
  S.addRun(G.L, {});
  EXPECT_FALSE(S.next().has_value());
}

TEST(HittingSets, AnyOneOutcomeSuffices) {
  GraphBuilder G;
  Vertex O1 = G.outcome("log(b)");
  G.firing(O1, {G.message("a", "b", 1)});
  Vertex O2 = G.outcome("log(c)");
  G.firing(O2, {G.message("a", "c", 1)});
  solver::HittingSetSolver S(bounds(4, 2, 0));
  S.addRun(G.L, {});
  std::vector<std::string> Got = drain(S);
  EXPECT_EQ(std::set<std::string>(Got.begin(), Got.end()),
            (std::set<std::string>{"omit a->b@1", "omit a->c@1"}));
}

TEST(HittingSets, ARunWithoutOutcomesAsksZ3Nothing) {
  // Nothing to break: no candidate, and no Z3 context made to say so.
  GraphBuilder G;
  G.tuple("log(b)");
  solver::HittingSetSolver S(bounds(4, 2, 0));
  S.addRun(G.L, {});
  EXPECT_FALSE(S.next().has_value());
  EXPECT_EQ(S.stats().Checks, 0u);
}

TEST(HittingSets, SetsExcludedBeforeTheFirstOutcomeStayExcluded) {
  // Told before the solver has a question (a violating set), kept for it.
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.message("a", "b", 1)});
  G.firing(O, {G.message("c", "b", 1)});
  FaultSet Violating;
  Violating.Omissions.push_back({"a", "b", 1});
  Violating.Omissions.push_back({"c", "b", 1});
  solver::HittingSetSolver S(bounds(4, 2, 0));
  S.exclude(Violating);
  S.addRun(G.L, {});
  EXPECT_EQ(drain(S), std::vector<std::string>{});
  EXPECT_GT(S.stats().Checks, 0u);
}

TEST(HittingSets, NewLineageDemandsMoreFaults) {
  // First run: log(b) came over a->b@1. Breaking it is one omission.
  GraphBuilder First;
  Vertex O = First.outcome("log(b)");
  First.firing(O, {First.message("a", "b", 1)});
  solver::HittingSetSolver S(bounds(5, 3, 0));
  S.addRun(First.L, {});
  auto F = S.next();
  ASSERT_TRUE(F);
  EXPECT_EQ(F->describe(), "omit a->b@1");
  // Running it revealed a retry at 2: now both sends must be lost, and the
  // set already run is never proposed again.
  GraphBuilder Second;
  Vertex O2 = Second.outcome("log(b)");
  Second.firing(O2, {Second.message("a", "b", 2)});
  S.addRun(Second.L, *F);
  EXPECT_EQ(drain(S), std::vector<std::string>{"omit a->b@1, omit a->b@2"});
}

TEST(HittingSets, ARunsDerivationsBindOnlyCandidatesWithItsFaults) {
  GraphBuilder First;
  Vertex O = First.outcome("log(c)");
  First.firing(O, {First.message("a", "c", 1)});
  First.firing(O, {First.message("b", "c", 1)});
  solver::HittingSetSolver S(bounds(4, 3, 0));
  S.addRun(First.L, {});
  // A run with a->b@1 lost found log(c) over a message sent at 2 (say, an
  // alarm the loss raised). That derivation only exists where a->b@1 is
  // lost, so it must not stop the candidate that keeps a->b@1.
  GraphBuilder Second;
  Vertex O2 = Second.outcome("log(c)");
  Second.firing(O2, {Second.message("b", "c", 2)});
  S.addRun(Second.L, {{}, {{"a", "b", 1}}});
  std::vector<std::string> Got = drain(S);
  EXPECT_EQ(Got, std::vector<std::string>{"omit a->c@1, omit b->c@1"});
}

TEST(HittingSets, OutcomesSeenOnlyUnderFaultsNeedThoseFaults) {
  // The failure-free run had no outcome; a run with a->b@1 lost had one,
  // over b->c@2. A candidate may break it only together with a->b@1.
  GraphBuilder Empty;
  solver::HittingSetSolver S(bounds(4, 3, 0));
  S.addRun(Empty.L, {});
  EXPECT_FALSE(S.next().has_value());
  GraphBuilder Faulty;
  Vertex O = Faulty.outcome("alarm(c)");
  Faulty.firing(O, {Faulty.message("b", "c", 2)});
  S.addRun(Faulty.L, {{}, {{"a", "b", 1}}});
  EXPECT_EQ(drain(S), std::vector<std::string>{"omit a->b@1, omit b->c@2"});
}

TEST(HittingSets, EarlierCrashesReopenAfterARun) {
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.message("a", "b", 3)});
  solver::HittingSetSolver S(bounds(4, 0, 1));
  S.addRun(G.L, {});
  auto F = S.next();
  ASSERT_TRUE(F);
  EXPECT_EQ(F->describe(), "crash a@3"); // the latest crash that cuts the send
  // Within one question an earlier crash is a superset: nothing else.
  // Running crash a@3 showed c relaying at 4 instead; that binds only
  // candidates with crash a@3. An earlier crash is another scenario (it may
  // fire a timeout earlier): it is open again, postponed as far as it goes.
  GraphBuilder Later;
  Vertex O2 = Later.outcome("log(b)");
  Later.firing(O2, {Later.message("c", "b", 4)});
  S.addRun(Later.L, *F);
  auto G2 = S.next();
  ASSERT_TRUE(G2);
  EXPECT_EQ(G2->describe(), "crash a@2");
}

TEST(HittingSets, CrashBoundIsRespected) {
  GraphBuilder G;
  Vertex O = G.outcome("log(c)");
  G.firing(O, {G.message("a", "c", 1)});
  G.firing(O, {G.message("b", "c", 1)});
  // EFF 0: only crashes; both senders must crash, but only one may.
  solver::HittingSetSolver One(bounds(3, 0, 1));
  One.addRun(G.L, {});
  EXPECT_FALSE(One.next().has_value());
  solver::HittingSetSolver Two(bounds(3, 0, 2));
  Two.addRun(G.L, {});
  EXPECT_EQ(drain(Two), std::vector<std::string>{"crash a@1, crash b@1"});
}

TEST(HittingSets, CrashingANodeThePreNeedsAliveIsNoCandidate) {
  // The outcome is cut by a crash of a, but a is the node its pre needs
  // alive: crashing a removes pre too, so only the omission is proposed.
  GraphBuilder G;
  Vertex O = G.outcome("post(a)");
  G.firing(O, {G.message("a", "b", 1)});
  G.L.OutcomeLiveNodes = {{"a"}};
  solver::HittingSetSolver S(bounds(3, 2, 1));
  S.addRun(G.L, {});
  EXPECT_EQ(drain(S), std::vector<std::string>{"omit a->b@1"});
}

namespace {

/// Runs the solver's candidates against a tiny protocol given as a lineage
/// per candidate, until it proposes Wanted or runs dry.
bool proposes(solver::HittingSetSolver &S, const std::string &Wanted,
              const std::function<Lineage(const FaultSet &)> &RunIt) {
  for (int I = 0; I < 50; ++I) {
    std::optional<FaultSet> F = S.next();
    if (!F)
      return false;
    if (F->describe() == Wanted)
      return true;
    S.addRun(RunIt(*F), *F);
  }
  return false;
}

} // namespace

TEST(HittingSets, AnEarlierCrashStaysOpenWhenALaterOneRemovedAnotherOutcome) {
  // The replication case study's v1: agreement between a and b holds
  // through c's send to b at 2; the client's acknowledgement through c's
  // send at 3. Crashing c at 3 removes the acknowledgement's outcome (its
  // pre goes too: no violation) and leaves agreement as it was; crashing c
  // at 2 is the counterexample, and must still be proposed.
  auto RunIt = [](const FaultSet &F) {
    GraphBuilder G;
    auto Crash = F.crashTime("c");
    if (!Crash || *Crash > 2)
      G.firing(G.outcome("agree(a,b)"), {G.message("c", "b", 2)});
    if (!Crash || *Crash > 3)
      G.firing(G.outcome("acked(x)"), {G.message("c", "a", 3)});
    return G.L;
  };
  solver::HittingSetSolver S(bounds(5, 0, 1));
  S.addRun(RunIt({}), {});
  EXPECT_TRUE(proposes(S, "crash c@2", RunIt));
}

TEST(HittingSets, ADeadlineThatPassedStopsTheChecks) {
  // A search's --timeout reaches Z3: past the deadline next() proposes
  // nothing and says it timed out, rather than starting a check that could
  // outlast the search's timeout (it used to ignore it).
  GraphBuilder G;
  Vertex O = G.outcome("log(b)");
  G.firing(O, {G.message("a", "b", 1)});
  solver::HittingSetSolver S(bounds(4, 2, 0));
  S.addRun(G.L, {});
  S.setDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  EXPECT_FALSE(S.next());
  EXPECT_TRUE(S.timedOut());
  EXPECT_EQ(S.stats().Checks, 1u); // counted, never started
  // With time left, the same question has its answer.
  solver::HittingSetSolver T(bounds(4, 2, 0));
  T.addRun(G.L, {});
  T.setDeadline(std::chrono::steady_clock::now() + std::chrono::seconds(60));
  EXPECT_EQ(drain(T), std::vector<std::string>{"omit a->b@1"});
  EXPECT_FALSE(T.timedOut());
}
