//===- LineageTest.cpp - Lineage graphs built from real runs --------------===//

#include "TestModel.h"

#include "faultline/Lineage/Lineage.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace faultline;
using lineage::Lineage;
using lineage::VertexKind;
using test::bounds;
using test::Model;

namespace {

size_t countKind(const Lineage &L, VertexKind K) {
  size_t N = 0;
  for (auto V : boost::make_iterator_range(boost::vertices(L.Graph)))
    N += L.Graph[V].Kind == K;
  return N;
}

} // namespace

TEST(Lineage, OneOutcomePerPostTuple) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols());
  ASSERT_EQ(L.Outcomes.size(), 3u);
  std::set<std::string> Keys;
  for (auto O : L.Outcomes)
    Keys.insert(L.Graph[O].Key);
  EXPECT_EQ(Keys, (std::set<std::string>{"post(\"a\", \"x\")", "post(\"b\", \"x\")",
                                         "post(\"c\", \"x\")"}));
}

TEST(Lineage, DerivationsReachMessagesAndFacts) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols());
  // post(b) <- log(b)@3 <- log(b)@2 <- message a->b@1 and bcast(a)@1, node(a,b)@1.
  EXPECT_EQ(countKind(L, VertexKind::Message), 2u);
  bool SawFact = false;
  for (auto V : boost::make_iterator_range(boost::vertices(L.Graph)))
    SawFact |= L.Graph[V].Given && L.Graph[V].Label == "bcast(\"a\", \"x\")@1";
  EXPECT_TRUE(SawFact);
}

TEST(Lineage, SharedSubderivationsAreSharedVertices) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols());
  // Every tuple appears once, however many outcomes depend on it.
  std::set<std::string> Labels;
  for (auto V : boost::make_iterator_range(boost::vertices(L.Graph))) {
    if (L.Graph[V].Kind == VertexKind::Tuple) {
      EXPECT_TRUE(Labels.insert(L.Graph[V].Label).second) << L.Graph[V].Label;
    }
  }
}

TEST(Lineage, DotMarksKindsAndRuleLocations) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(2, 2, {"a", "b", "c"}));
  Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols());
  std::string Dot;
  llvm::raw_string_ostream OS(Dot);
  L.writeDot(OS);
  EXPECT_NE(Dot.find("digraph"), std::string::npos);
  EXPECT_NE(Dot.find("shape=diamond"), std::string::npos);  // a message
  EXPECT_NE(Dot.find("shape=box"), std::string::npos);      // a firing
  EXPECT_NE(Dot.find("test.ded:4"), std::string::npos);     // the @async rule's line
}

TEST(Lineage, NegativeSupportAddsAbsentTuples) {
  Model M(R"(
    item("a", 1)@1;
    ok(N, X) :- item(N, X), notin bad(N, X);
    bad("a", 7)@1;
    pre(N, X) :- item(N, X);
    post(N, X) :- ok(N, X);
  )");
  eval::EvalOptions O;
  O.NegativeSupport = true;
  auto R = M.run(bounds(1, 0, {"a"}), {}, O);
  lineage::BuildOptions BO;
  BO.NegativeSupport = true;
  Lineage With = Lineage::build(*R, M.Prog, M.Ev->symbols(), BO);
  EXPECT_EQ(countKind(With, VertexKind::Absent), 1u);
  BO.NegativeSupport = false;
  Lineage Without = Lineage::build(*R, M.Prog, M.Ev->symbols(), BO);
  EXPECT_EQ(countKind(Without, VertexKind::Absent), 0u);
}

/// The keys of the tuple vertices of relation Rel.
static std::set<std::string> tuplesOf(const Lineage &L, const std::string &Rel) {
  std::set<std::string> Out;
  for (auto [V, End] = boost::vertices(L.Graph); V != End; ++V)
    if (L.Graph[*V].Kind == VertexKind::Tuple && L.Graph[*V].Relation == Rel)
      Out.insert(L.Graph[*V].Label);
  return Out;
}

/// The lineage of the failure-free run with negative support, grounded or
/// by Molly's rule.
static Lineage failureFreeLineage(Model &M, const Bounds &B, bool Grounded) {
  eval::EvalOptions O;
  O.NegativeSupport = true;
  auto R = M.run(B, {}, O);
  EXPECT_TRUE(R);
  auto Ground = lineage::Grounding::make(*M.Ev, B, {});
  EXPECT_TRUE(Ground);
  lineage::BuildOptions BO;
  BO.Ground = Grounded ? Ground.get() : nullptr;
  return Lineage::build(*R, M.Prog, M.Ev->symbols(), BO);
}

TEST(Lineage, GroundedNegativeSupportKeepsOnlyTheBlockingTuples) {
  // ok("a", 1) relies on bad("a", 1) being absent at 2; what keeps it
  // absent is cleared("a", 1) at 2 alone: not cleared("a", 2), whose key
  // differs, nor cleared("a", 1) at 1, an earlier time.
  Model M(R"(
    item("a", 1)@2;
    flag("a", 1)@2;
    cleared("a", 1)@1;
    cleared("a", 1)@2;
    cleared("a", 2)@2;
    ok(N, X) :- item(N, X), notin bad(N, X);
    ok(N, X)@next :- ok(N, X);
    bad(N, X) :- flag(N, X), notin cleared(N, X);
    pre(N, X) :- ok(N, X);
    post(N, X) :- ok(N, X);
  )");
  Bounds B = bounds(3, 0, {"a"});
  EXPECT_EQ(tuplesOf(failureFreeLineage(M, B, true), "cleared"),
            (std::set<std::string>{"cleared(\"a\", 1)@2"}));
  // Molly's rule: every cleared tuple up to that time.
  EXPECT_EQ(tuplesOf(failureFreeLineage(M, B, false), "cleared").size(), 3u);
}

TEST(Lineage, GroundedNegativeSupportFollowsAbsentPositiveTuples) {
  // bad("a") needs alarm("a") a step earlier, which a lost heartbeat would
  // bring about: the heartbeat tuple that blocks it is a cause.
  Model M(R"(
    link("b", "a")@1;
    link(N, M)@next :- link(N, M);
    beat(M, N)@async :- link(N, M);
    alarm(N) :- link(_, N), notin beat(N, _);
    bad(N)@next :- alarm(N);
    item("a", 1)@1;
    item(N, X)@next :- item(N, X);
    ok(N, X) :- item(N, X), notin bad(N);
    pre(N, X) :- ok(N, X);
    post(N, X) :- ok(N, X);
  )");
  std::set<std::string> Beats =
      tuplesOf(failureFreeLineage(M, bounds(3, 3, {"a", "b"}), true), "beat");
  EXPECT_TRUE(Beats.count("beat(\"a\", \"b\")@2")) << Beats.size();
}

TEST(Lineage, OfGivenTuples) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  auto Pre = R->relation("pre");
  ASSERT_TRUE(Pre);
  std::vector<eval::TupleId> Roots(R->table(*Pre, 3).begin(), R->table(*Pre, 3).end());
  ASSERT_FALSE(Roots.empty());
  Lineage L = Lineage::of(*R, M.Prog, M.Ev->symbols(), Roots);
  ASSERT_EQ(L.Outcomes.size(), Roots.size());
  for (size_t I = 0; I < Roots.size(); ++I)
    EXPECT_EQ(L.Graph[L.Outcomes[I]].Tuple, Roots[I]);
  EXPECT_TRUE(L.OutcomeLiveNodes.empty());
  // pre(M, P) needs log(N, P) at a, which a's broadcast derived.
  EXPECT_GT(countKind(L, VertexKind::Firing), 0u);
}

TEST(Lineage, CoarseCausesGrowLinearlyWithEot) {
  // tick(a, T + 1) needs bad(a, T) absent at every step T; by the coarse
  // rule (no grounding) what keeps it absent is every `clear` tuple up to
  // T. Listing them again for each step made the graph quadratic in EOT (a
  // two-node C++ scenario at EOT 4000 reached 8.6 GB); shared prefixes keep
  // it linear.
  Model M(R"(
    tick("a", 1)@1;
    tick(N, T + 1)@next :- tick(N, T), notin bad(N, T);
    clear(N, T) :- tick(N, T);
    bad(N, T) :- tick(N, T), notin clear(N, T);
    pre(N, T) :- tick(N, T);
    post(N, T) :- tick(N, T);
  )");
  auto Edges = [&M](int EOT) {
    eval::EvalOptions O;
    O.NegativeSupport = true;
    auto R = M.run(bounds(EOT, 0, {"a"}), {}, O);
    EXPECT_TRUE(R);
    lineage::BuildOptions BO;
    Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols(), BO);
    EXPECT_EQ(countKind(L, VertexKind::Absent), static_cast<size_t>(EOT - 1));
    return boost::num_edges(L.Graph);
  };
  size_t Small = Edges(40), Large = Edges(160);
  // Linear: four times the steps, about four times the edges (quadratic:
  // sixteen).
  EXPECT_LT(Large, 5 * Small) << Small << " edges at EOT 40, " << Large << " at 160";
}

TEST(LineageTimers, TheGroundingFiresEveryArmingAtEveryStepOfItsWindow) {
  // Two arms in one step: without faults the shorter (due 3) counts; when
  // the hello that arms it is lost, the longer (due 6) does. The
  // grounding's run must hold both firings, each over the slack's window.
  Model M(R"(
timer t/1;
peer("a", "b")@1;
arm_t("b", 4)@2;
hello(P, N)@async :- peer(N, P);
arm_t(N, 1) :- hello(N, _);
cancel_t(N) :- t(N);
)");
  Bounds B = bounds(7, 2, {"a", "b"});
  B.TimerSlack = 1;
  auto Ground = lineage::Grounding::make(*M.Ev, B, {});
  ASSERT_TRUE(Ground);
  std::set<int> Fired;
  for (int T = 1; T <= 7; ++T)
    if (!M.table(*Ground->Over, "t", T).empty())
      Fired.insert(T);
  EXPECT_EQ(Fired, (std::set<int>{3, 4, 6, 7}));
}

TEST(LineageTimers, AnAbsentFiringNeedsEveryBlockerOfAnArmingLost) {
  // b's timer, armed at 1 for 3 steps, is re-armed by each hello: it
  // cannot fire at 4 while either of the hellos of steps 2 and 3 arrives.
  Model M(R"(
timer t/1;
peer("a", "b")@1;
peer("b", "a")@1;
peer(N, P)@next :- peer(N, P);
arm_t("b", 3)@1;
hello(P, N)@async :- peer(N, P);
arm_t(N, 3) :- hello(N, _);
quiet(N) :- peer(N, _), notin t(N);
pre(N) :- peer(N, _);
post(N) :- quiet(N);
)");
  eval::EvalOptions EO;
  EO.NegativeSupport = true;
  auto R = M.run(bounds(4, 3, {"a", "b"}), {}, EO);
  ASSERT_TRUE(R);
  Lineage L = Lineage::build(*R, M.Prog, M.Ev->symbols(), lineage::BuildOptions());
  ASSERT_EQ(countKind(L, VertexKind::Either), 1u);
  for (auto V : boost::make_iterator_range(boost::vertices(L.Graph)))
    if (L.Graph[V].Kind == VertexKind::Either) {
      EXPECT_EQ(L.Graph[V].Label, "b.t armed at 1 kept from firing at 4");
      // The re-arms at 2 and 3, and the scenario's choice not to fire it at 4.
      EXPECT_EQ(boost::out_degree(V, L.Graph), 3u);
    }
}
