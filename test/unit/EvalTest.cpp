//===- EvalTest.cpp - Unit tests of forward execution and provenance ------===//

#include "TestModel.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace faultline;
using namespace faultline::eval;
using test::bounds;
using test::Model;

static const char *Broadcast = test::SendOnceBroadcast;

TEST(Eval, FactsHoldOnlyAtTheirTime) {
  Model M(R"(f("a", 1)@2; g(N, X) :- f(N, X);)");
  auto R = M.run(bounds(3, 0, {"a"}));
  ASSERT_TRUE(R);
  EXPECT_TRUE(M.table(*R, "g", 1).empty());
  EXPECT_EQ(M.table(*R, "g", 2), std::set<std::string>{"\"a\", 1"});
  EXPECT_TRUE(M.table(*R, "g", 3).empty());
}

TEST(Eval, ComputedColumnIsComparedWithItsOwnAtomsRow) {
  // I + 1 is known before l is scanned; it must still be checked against
  // l's row, not against whatever row an earlier atom left behind.
  Model M(R"(l("a", 0, "x")@1; l("a", 1, "y")@1; c("a", 0)@1;
             r(N, V) :- c(N, I), l(N, I + 1, V);)");
  auto R = M.run(bounds(1, 0, {"a"}));
  ASSERT_TRUE(R);
  EXPECT_EQ(M.table(*R, "r", 1), std::set<std::string>{"\"a\", \"y\""});
}

TEST(Eval, NextPersistsToTheFollowingStep) {
  Model M(R"(f("a", 1)@1; f(N, X)@next :- f(N, X);)");
  auto R = M.run(bounds(4, 0, {"a"}));
  for (int T = 1; T <= 4; ++T)
    EXPECT_EQ(M.table(*R, "f", T).size(), 1u) << "at " << T;
}

TEST(Eval, RulesFireOnlyAtListedNodes) {
  Model M(R"(f("a", 1)@1; f("z", 2)@1; g(N, X) :- f(N, X);)");
  auto R = M.run(bounds(1, 0, {"a"}));
  EXPECT_EQ(M.table(*R, "g", 1), std::set<std::string>{"\"a\", 1"});
}

TEST(Eval, AsyncDeliversAtNextStep) {
  Model M(Broadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  EXPECT_TRUE(M.table(*R, "log", 1) == std::set<std::string>{"\"a\", \"x\""});
  EXPECT_EQ(M.table(*R, "log", 2).size(), 3u);
  EXPECT_FALSE(R->violates());
  EXPECT_EQ(R->Messages.size(), 2u);
}

TEST(Eval, OmissionLosesTheMessage) {
  Model M(Broadcast);
  FaultSet F;
  F.Omissions.push_back({"a", "b", 1});
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}), F);
  EXPECT_FALSE(M.table(*R, "log", 3).count("\"b\", \"x\""));
  EXPECT_TRUE(R->violates());
  ASSERT_EQ(R->missingPost().size(), 1u);
  EXPECT_EQ(M.Ev->symbols().render(R->Tuples[R->missingPost()[0]].Values), "\"b\", \"x\"");
}

TEST(Eval, CrashedSenderSendsNothingButSelfMessagesArrive) {
  Model M(R"(
    p(N, X)@async :- q(N, X), peer(N, M);
    p(M, X)@async :- q(N, X), peer(N, M);
    q("a", 1)@1; peer("a", "b")@1;
  )");
  FaultSet F;
  F.Crashes.push_back({"a", 1});
  auto R = M.run(bounds(2, 0, {"a", "b"}, 1), F);
  EXPECT_EQ(M.table(*R, "p", 2), std::set<std::string>{"\"a\", 1"});
}

TEST(Eval, CrashRelationVisibleEverywhereAtEveryTime) {
  Model M(R"(seen(N, C, T) :- crash(N, C, T);)");
  FaultSet F;
  F.Crashes.push_back({"b", 2});
  auto R = M.run(bounds(3, 0, {"a", "b"}, 1), F);
  for (int T = 1; T <= 3; ++T)
    EXPECT_EQ(M.table(*R, "seen", T),
              (std::set<std::string>{"\"a\", \"b\", 2", "\"b\", \"b\", 2"}));
}

TEST(Eval, MessagesToUnknownNodesGoNowhere) {
  Model M(R"(p(M, X)@async :- q(N, X, M); q("a", 1, "zz")@1;)");
  auto R = M.run(bounds(2, 0, {"a"}));
  EXPECT_TRUE(M.table(*R, "p", 2).empty());
}

TEST(Eval, TransitiveClosureSemiNaiveMatchesNaive) {
  std::string Text = "reach(L, X, Y) :- edge(L, X, Y);\n"
                     "reach(L, X, Z) :- reach(L, X, Y), edge(L, Y, Z);\n";
  for (int I = 0; I < 12; ++I)
    Text += "edge(\"n\", " + std::to_string(I) + ", " + std::to_string((I + 1) % 12) + ")@1;\n";
  Model M(Text);
  auto Semi = M.run(bounds(1, 0, {"n"}));
  EvalOptions Naive;
  Naive.Strat = Strategy::Naive;
  auto Slow = M.run(bounds(1, 0, {"n"}), {}, Naive);
  EXPECT_EQ(M.table(*Semi, "reach", 1), M.table(*Slow, "reach", 1));
  EXPECT_EQ(M.table(*Semi, "reach", 1).size(), 144u);
  EXPECT_EQ(Semi->Firings.size(), Slow->Firings.size());
}

TEST(Eval, ProvenanceIsWellFounded) {
  // A cycle: every reach tuple is derivable from others, but only firings
  // whose body tuples were derived strictly earlier are kept.
  Model M(R"(
    reach(L, X, Y) :- edge(L, X, Y);
    reach(L, X, Z) :- reach(L, X, Y), reach(L, Y, Z);
    edge("n", 1, 2)@1; edge("n", 2, 3)@1; edge("n", 3, 1)@1;
  )");
  auto R = M.run(bounds(1, 0, {"n"}));
  for (const TupleRecord &T : R->Tuples)
    for (FiringId F : T.Firings)
      for (TupleId B : R->Firings[F].Body)
        EXPECT_LT(R->Tuples[B].Rank, T.Rank);
  // reach(1,2) comes from its edge only.
  auto Reach = R->relation("reach");
  auto Id = R->find(*Reach, 1, {Value::symbol(M.Ev->symbols().lookup("n")), Value::integer(1),
                                Value::integer(2)});
  ASSERT_TRUE(Id);
  EXPECT_EQ(R->Tuples[*Id].Firings.size(), 1u);
}

TEST(Eval, AsyncProvenanceNamesTheMessage) {
  Model M(Broadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}));
  auto Log = R->relation("log");
  const SymbolTable &Syms = M.Ev->symbols();
  auto Id = R->find(*Log, 2, {Value::symbol(Syms.lookup("b")), Value::symbol(Syms.lookup("x"))});
  ASSERT_TRUE(Id);
  ASSERT_EQ(R->Tuples[*Id].Firings.size(), 1u);
  const Firing &F = R->Firings[R->Tuples[*Id].Firings[0]];
  ASSERT_TRUE(F.Message);
  EXPECT_EQ(R->Messages[*F.Message].From, "a");
  EXPECT_EQ(R->Messages[*F.Message].To, "b");
  EXPECT_EQ(R->Messages[*F.Message].SendTime, 1);
}

TEST(Eval, AggregatesGroupAndSkipEmptyGroups) {
  Model M(R"(
    v("a", 1, 10)@1; v("a", 2, 10)@1; v("a", 3, 5)@1;
    n(N, count<I>) :- v(N, I, _);
    s(N, sum<X>) :- v(N, I, X);
    lo(N, min<X>) :- v(N, _, X);
    hi(N, max<I>) :- v(N, I, _);
    none(N, count<I>) :- v(N, I, _), I > 100;
  )");
  auto R = M.run(bounds(1, 0, {"a"}));
  EXPECT_EQ(M.table(*R, "n", 1), std::set<std::string>{"\"a\", 3"});
  EXPECT_EQ(M.table(*R, "s", 1), std::set<std::string>{"\"a\", 25"});
  EXPECT_EQ(M.table(*R, "lo", 1), std::set<std::string>{"\"a\", 5"});
  EXPECT_EQ(M.table(*R, "hi", 1), std::set<std::string>{"\"a\", 3"});
  EXPECT_TRUE(M.table(*R, "none", 1).empty());
}

TEST(Eval, ArithmeticIsRightAssociative) {
  Model M(R"(v("a", 10)@1; w(N, X - 3 - 2) :- v(N, X); u(N, (X - 3) - 2) :- v(N, X);)");
  auto R = M.run(bounds(1, 0, {"a"}));
  EXPECT_EQ(M.table(*R, "w", 1), std::set<std::string>{"\"a\", 9"});
  EXPECT_EQ(M.table(*R, "u", 1), std::set<std::string>{"\"a\", 5"});
}

TEST(Eval, NegationSeesLowerStrataComplete) {
  Model M(R"(
    item("a", 1)@1; item("a", 2)@1; bad("a", 2)@1;
    good(N, X) :- item(N, X), notin bad2(N, X);
    bad2(N, X) :- bad(N, X);
  )");
  auto R = M.run(bounds(1, 0, {"a"}));
  EXPECT_EQ(M.table(*R, "good", 1), std::set<std::string>{"\"a\", 1"});
}

TEST(Eval, DivisionByZeroIsAnErrorNotACrash) {
  Model M(R"(v("a", 0)@1; w(N, 1 / X) :- v(N, X);)");
  auto R = M.run(bounds(1, 0, {"a"}));
  EXPECT_FALSE(R);
  EXPECT_NE(M.ErrText.find("division by zero"), std::string::npos) << M.ErrText;
}

/// Derives a new tuple every round of the first step, forever.
static const char *NeverConverges = R"(c("a", 0)@1; c(N, X + 1) :- c(N, X);)";

TEST(Eval, StepDerivationLimitStopsARecursionThatNeverConverges) {
  Model M(NeverConverges);
  EvalOptions O;
  O.Limits.MaxStepDerivations = 1000;
  RunStatus Status = RunStatus::Completed;
  auto R = M.Ev->run(bounds(2, 0, {"a"}), {}, M.Diags, O, &Status);
  EXPECT_FALSE(R);
  EXPECT_EQ(Status, RunStatus::Failed);
  EXPECT_NE(M.ErrText.find("test.ded:1:14: error: time step 1 exceeds 1000 derivations"),
            std::string::npos)
      << M.ErrText;
}

TEST(Eval, StepDerivationLimitIsPerStep) {
  // 3 new tuples a step, 9 over the run: a limit of 3 per step is enough.
  Model M(R"(s("a", 1)@1; s("a", 2)@1; s("a", 3)@1; s(N, X)@next :- s(N, X);)");
  EvalOptions O;
  O.Limits.MaxStepDerivations = 3;
  auto R = M.run(bounds(3, 0, {"a"}), {}, O);
  ASSERT_TRUE(R) << M.ErrText;
  O.Limits.MaxStepDerivations = 2;
  EXPECT_FALSE(M.run(bounds(3, 0, {"a"}), {}, O));
}

TEST(Eval, TupleLimitIsAnErrorAtTheRule) {
  Model M(R"(p("a", 1)@1; p("a", 2)@1; p("a", 3)@1;
q(N, X, Y) :- p(N, X), p(N, Y);)");
  EvalOptions O;
  O.Limits.MaxTuples = 8; // 3 facts, then 9 pairs.
  EXPECT_FALSE(M.run(bounds(1, 0, {"a"}), {}, O));
  EXPECT_NE(M.ErrText.find("test.ded:2:1: error: the run exceeds 8 tuples"), std::string::npos)
      << M.ErrText;
  O.Limits.MaxTuples = 12;
  M.ErrText.clear();
  EXPECT_TRUE(M.run(bounds(1, 0, {"a"}), {}, O)) << M.ErrText;
}

TEST(Eval, DeadlineInterruptsARunWithoutAnError) {
  Model M(NeverConverges);
  EvalOptions O;
  O.Limits.MaxStepDerivations = 0; // Only the deadline can stop it.
  O.Limits.Deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
  RunStatus Status = RunStatus::Completed;
  auto Begin = std::chrono::steady_clock::now();
  auto R = M.Ev->run(bounds(2, 0, {"a"}), {}, M.Diags, O, &Status);
  EXPECT_FALSE(R);
  EXPECT_EQ(Status, RunStatus::TimedOut);
  EXPECT_EQ(M.Diags.errorCount(), 0u) << M.ErrText;
  EXPECT_LT(std::chrono::steady_clock::now() - Begin, std::chrono::seconds(10));
}

TEST(Eval, EOTAboveTheCapIsAnError) {
  Model M(R"(f("a", 1)@1;)");
  RunStatus Status = RunStatus::Completed;
  EXPECT_FALSE(M.Ev->run(bounds(MaxEOT + 1, 0, {"a"}), {}, M.Diags, {}, &Status));
  EXPECT_EQ(Status, RunStatus::Failed);
  EXPECT_NE(M.ErrText.find("EOT must be between 1 and 10000"), std::string::npos) << M.ErrText;
  EXPECT_TRUE(checkFaults(bounds(MaxEOT + 1, 0, {"a"}), {}).has_value());
  EXPECT_FALSE(checkFaults(bounds(MaxEOT, 0, {"a"}), {}).has_value());
}

TEST(Eval, BodyAtomAtFixedTimeReadsThatStep) {
  Model M(R"(
    b("a", 1)@1;
    seen(N, X) :- now(N), b(N, X)@1;
    now("a")@1; now("a")@2; now("a")@3;
  )");
  auto R = M.run(bounds(3, 0, {"a"}));
  EXPECT_EQ(M.table(*R, "seen", 3), std::set<std::string>{"\"a\", 1"});
}

/// Every firing is listed by exactly one tuple, and its body tuples rank
/// below that tuple: the provenance of a run is well-founded and holds no
/// firing of a retracted tuple.
static void expectWellFoundedProvenance(const Run &R) {
  size_t Listed = 0;
  for (const TupleRecord &T : R.Tuples) {
    Listed += T.Firings.size();
    for (FiringId F : T.Firings) {
      ASSERT_LT(F, R.Firings.size());
      for (TupleId B : R.Firings[F].Body) {
        ASSERT_LT(B, R.Tuples.size());
        if (R.Tuples[B].Time == T.Time) {
          EXPECT_LT(R.Tuples[B].Rank, T.Rank);
        }
      }
    }
  }
  EXPECT_EQ(Listed, R.Firings.size());
}

/// Elastic v5's shape: max0 is derived because `notin queue` is read before
/// the queue fills in the same step, and must be retracted once it fills.
static const char *LateBlocker = R"(
  log("a", 1)@1; prim("a")@1; follows("a", "b")@1;
  write(N, S) :- log(N, S);
  write(N, S) :- max0(M), follows(M, N), log(M, S);
  queue(N, S) :- prim(N), write(N, S);
  max0(N) :- prim(N), notin queue(N, _);
)";

TEST(Eval, NegationCycleRetractsWhatALateTupleBlocks) {
  Model M(LateBlocker);
  EXPECT_NE(M.ErrText.find("max0 -> notin queue -> write -> max0"), std::string::npos)
      << M.ErrText;
  EvalOptions O;
  O.NegativeSupport = true;
  auto R = M.run(bounds(1, 0, {"a", "b"}), {}, O);
  ASSERT_TRUE(R) << M.ErrText;
  EXPECT_EQ(M.table(*R, "queue", 1), std::set<std::string>{"\"a\", 1"});
  EXPECT_TRUE(M.table(*R, "max0", 1).empty());
  // Nor what it derived: b's write came only from a's max0.
  EXPECT_EQ(M.table(*R, "write", 1), std::set<std::string>{"\"a\", 1"});
  expectWellFoundedProvenance(*R);
  // Every notin a kept firing relied on is absent from the final tables.
  for (const Firing &F : R->Firings)
    for (const AbsentTuple &A : F.Absent)
      for (TupleId Id : R->table(A.Rel, A.Time))
        EXPECT_FALSE(A.matches(R->Tuples[Id].Values));

  EvalOptions Naive = O;
  Naive.Strat = Strategy::Naive;
  auto Slow = M.run(bounds(1, 0, {"a", "b"}), {}, Naive);
  ASSERT_TRUE(Slow);
  EXPECT_EQ(Slow->Tuples.size(), R->Tuples.size());
  EXPECT_EQ(Slow->Firings.size(), R->Firings.size());
}

TEST(Eval, NegationCycleSettlesOverSeveralPasses) {
  // d never holds, so c does, so b does not, so a does. Evaluated in
  // rounds with nothing retracted, b held too (every notin held at first).
  Model M(R"(
    s("x")@1;
    a(N) :- s(N), notin b(N);
    b(N) :- s(N), notin c(N);
    c(N) :- s(N), notin d(N);
    d(N) :- a(N), t(N);
  )");
  auto R = M.run(bounds(1, 0, {"x"}));
  ASSERT_TRUE(R) << M.ErrText;
  EXPECT_EQ(M.table(*R, "a", 1), std::set<std::string>{"\"x\""});
  EXPECT_TRUE(M.table(*R, "b", 1).empty());
  EXPECT_EQ(M.table(*R, "c", 1), std::set<std::string>{"\"x\""});
  expectWellFoundedProvenance(*R);
}

TEST(Eval, NegationCycleThatNeverSettlesIsAnError) {
  // p holds while q does not, q while p does: Molly's runtime would derive
  // and retract them forever. So with two answers (p or q, never both).
  for (const char *Text : {"s(\"x\")@2;\np(N) :- s(N), notin q(N);\nq(N) :- p(N);\n",
                           "s(\"x\")@2;\np(N) :- s(N), notin q(N);\nq(N) :- s(N), notin p(N);\n"}) {
    Model M(Text);
    RunStatus Status = RunStatus::Completed;
    EXPECT_FALSE(M.Ev->run(bounds(3, 0, {"x"}), {}, M.Diags, {}, &Status));
    EXPECT_EQ(Status, RunStatus::Failed);
    EXPECT_NE(M.ErrText.find("test.ded:2:1: error: at time step 2, the negation cycle p -> "
                             "notin q -> "),
              std::string::npos)
        << M.ErrText;
    EXPECT_NE(M.ErrText.find("never settles: p(\"x\"), q(\"x\") are derived and retracted "
                             "in turn by the rules at lines 2, 3 (no one answer: Molly's runtime "
                             "would not terminate, or would pick one by the order tuples "
                             "arrive in)"),
              std::string::npos)
        << M.ErrText;
    EXPECT_NE(M.ErrText.find("test.ded:3:1: note: derives q(\"x\")"), std::string::npos)
        << M.ErrText;
    // Without negation (the grounding's run) the cycle is monotone.
    EvalOptions O;
    O.IgnoreNegation = true;
    EXPECT_TRUE(M.run(bounds(3, 0, {"x"}), {}, O));
  }
}

TEST(Eval, FixedTimeIsNotNarrowedToInt) {
  // A program from JSON is not range-checked: @4294967297 used to read @1.
  ir::Program P;
  ir::DiagnosticEngine Diags(llvm::errs());
  Diags.setProgram(&P);
  std::vector<ir::IncludeDirective> Includes;
  ASSERT_TRUE(ir::parseBuffer("p(\"a\")@1; now(\"a\")@1; q(N) :- now(N), p(N)@1;", P.addFile("t"),
                              P, Includes, Diags));
  std::get<ir::Atom>(P.Rules[0].Body[1]).AtTime = 4294967297;
  ASSERT_TRUE(ir::validateProgram(P, Diags));
  Evaluator Ev(P, ir::stratify(P, Diags));
  auto R = Ev.run(bounds(2, 0, {"a"}), {}, Diags);
  ASSERT_TRUE(R);
  EXPECT_TRUE(R->table(*R->relation("q"), 1).empty());
}

TEST(Eval, PatternsWiderThan64Columns) {
  TuplePattern P;
  P.Values.assign(70, Value::integer(1));
  P.setWild(66);
  Tuple T(70, Value::integer(1));
  T[66] = Value::integer(5);
  EXPECT_TRUE(P.matches(T));
  T[68] = Value::integer(5);
  EXPECT_FALSE(P.matches(T));
}

TEST(Scenario, ParsesCommandLineFaults) {
  auto O = parseOmission("a,b,3");
  ASSERT_TRUE(O);
  EXPECT_EQ(O->From, "a");
  EXPECT_EQ(O->Time, 3);
  EXPECT_FALSE(parseOmission("a,b"));
  EXPECT_FALSE(parseOmission("a,b,x"));
  EXPECT_FALSE(parseCrash("a,1x"));
  EXPECT_TRUE(parseCrash("c,2"));
}

// Timers (docs/ir-reference.md, "Timers"): t(N) holds at the step the
// timer of N fires; arm_t and cancel_t are read once a step is complete.
static const char *TimerBase = R"(
timer t/1;
fired(N, 0) :- t(N);
)";

static std::set<int> firedAt(Model &M, const eval::Run &R) {
  std::set<int> Out;
  for (int T = 1; T <= R.EOT; ++T)
    if (!M.table(R, "fired", T).empty())
      Out.insert(T);
  return Out;
}

TEST(EvalTimers, AnArmedTimerFiresAtItsDueStepUnlessDelayed) {
  Model M(std::string(TimerBase) + R"(arm_t("a", 2)@1;)");
  auto R = M.run(bounds(6, 0, {"a"}));
  ASSERT_TRUE(R);
  EXPECT_EQ(firedAt(M, *R), std::set<int>{3});
  ASSERT_EQ(R->Timers.size(), 1u);
  EXPECT_EQ(R->Timers[0].Due, 3);
  EXPECT_EQ(R->Timers[0].MaxDelay, 0); // no slack: nothing to choose

  Bounds B = bounds(6, 0, {"a"});
  B.TimerSlack = 2;
  FaultSet F;
  F.TimerDelays = {{"a", "t", 3, 2}};
  R = M.run(B, F);
  EXPECT_EQ(firedAt(M, *R), std::set<int>{5});
  EXPECT_EQ(R->Timers[0].MaxDelay, 2);
  // Delayed past EOT, it does not fire within the run.
  B.EOT = 4;
  R = M.run(B, F);
  EXPECT_TRUE(firedAt(M, *R).empty());
  EXPECT_EQ(R->Timers[0].MaxDelay, 2); // up to EOT + 1: not within the run
}

TEST(EvalTimers, ACancelOrReArmBeforeTheFiringEndsTheArming) {
  Model M(std::string(TimerBase) + R"(arm_t("a", 3)@1; cancel_t("a")@2;)");
  auto R = M.run(bounds(6, 0, {"a"}));
  EXPECT_TRUE(firedAt(M, *R).empty());
  EXPECT_EQ(R->Timers[0].EndedAt, 2);

  // A re-arm replaces the pending arming: only the new deadline counts.
  Model Re(std::string(TimerBase) + R"(arm_t("a", 3)@1; arm_t("a", 3)@2;)");
  R = Re.run(bounds(6, 0, {"a"}));
  EXPECT_EQ(firedAt(Re, *R), std::set<int>{5});
  ASSERT_EQ(R->Timers.size(), 2u);
  EXPECT_EQ(R->Timers[0].EndedAt, 2);
  EXPECT_EQ(R->Timers[1].FiredAt, 5);

  // A cancel at the firing's own step comes after it (the step is complete
  // only then), and an arm and a cancel in one step leave the timer armed.
  Model Late(std::string(TimerBase) + R"(arm_t("a", 2)@1; cancel_t("a")@3;
                                         arm_t("a", 1)@4; cancel_t("a")@4;)");
  R = Late.run(bounds(6, 0, {"a"}));
  EXPECT_EQ(firedAt(Late, *R), (std::set<int>{3, 5}));
}

TEST(EvalTimers, TheShortestOfTwoArmsInOneStepWins) {
  Model M(std::string(TimerBase) + R"(arm_t("a", 4)@1; arm_t("a", 2)@1;)");
  auto R = M.run(bounds(6, 0, {"a"}));
  EXPECT_EQ(firedAt(M, *R), std::set<int>{3});
  EXPECT_EQ(R->Timers.size(), 1u);
}

TEST(EvalTimers, TheRandomSearchChoosesDelaysAsTimersComeDue) {
  Model M(std::string(TimerBase) + R"(arm_t("a", 1)@1; arm_t(N, 1) :- t(N);)");
  Bounds B = bounds(8, 0, {"a"});
  B.TimerSlack = 1;
  eval::EvalOptions O;
  std::vector<int> Asked;
  O.ChooseDelay = [&](const std::string &Node, const std::string &Timer, int Due, int Max) {
    EXPECT_EQ(Node, "a");
    EXPECT_EQ(Timer, "t");
    EXPECT_EQ(Max, 1);
    Asked.push_back(Due);
    return Due == 2 ? 1 : 0; // late the first time only
  };
  auto R = M.run(B, {}, O);
  EXPECT_EQ(firedAt(M, *R), (std::set<int>{3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(Asked, (std::vector<int>{2, 4, 5, 6, 7, 8}));
  EXPECT_EQ(R->Faults.describe(), "fire a.t@3 (due 2)");
}

TEST(EvalTimers, ADelayOfZeroStepsIsAnErrorAtTheArmingRule) {
  Model M(std::string(TimerBase) + R"(d("a", 0)@1;
arm_t(N, D) :- d(N, D);)");
  auto R = M.run(bounds(3, 0, {"a"}));
  EXPECT_FALSE(R);
  EXPECT_NE(M.ErrText.find("test.ded:5:1: error: timer 't' of \"a\" armed with delay 0"),
            std::string::npos)
      << M.ErrText;
}
