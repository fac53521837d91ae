//===- HtmlReportTest.cpp - The drawings of the HTML report ---------------===//
//
// The spacetime diagram and the lineage drawing of real runs of a small
// broadcast: what each mark says (data-* attributes, classes) must match the
// run. The browser test (test/lit/report/browser.test) checks whole pages.
//
//===----------------------------------------------------------------------===//

#include "TestModel.h"

#include "faultline/Report/HtmlReport.h"

#include <gtest/gtest.h>

using namespace faultline;
using test::bounds;
using test::Model;

namespace {

size_t count(const std::string &Text, const std::string &What) {
  size_t N = 0;
  for (size_t At = Text.find(What); At != std::string::npos; At = Text.find(What, At + 1))
    ++N;
  return N;
}

FaultSet faults(std::vector<Crash> Crashes, std::vector<Omission> Omissions) {
  FaultSet F;
  F.Crashes = std::move(Crashes);
  F.Omissions = std::move(Omissions);
  return F;
}

} // namespace

TEST(Spacetime, LanesArrowsAndFates) {
  Model M(test::SendOnceBroadcast);
  auto R = M.run(bounds(3, 2, {"a", "b", "c"}), faults({}, {{"a", "b", 1}}));
  ASSERT_TRUE(R);
  std::string Svg = report::spacetimeSvg(*R, {"a", "b", "c"}, M.Ev->symbols(), {}, "d");
  EXPECT_EQ(count(Svg, "<g class=\"lane\""), 3u);
  EXPECT_LT(Svg.find("data-node=\"a\""), Svg.find("data-node=\"b\""));
  EXPECT_EQ(count(Svg, "data-from=\"a\" data-to=\"b\" data-time=\"1\" data-fate=\"omitted\""), 1u);
  EXPECT_EQ(count(Svg, "data-from=\"a\" data-to=\"c\" data-time=\"1\" data-fate=\"delivered\""),
            1u);
  EXPECT_EQ(count(Svg, "class=\"lost-mark\""), 1u);
  EXPECT_EQ(count(Svg, "marker-end=\"url(#d-head)\""), 1u);
  EXPECT_EQ(count(Svg, "class=\"crash\""), 0u);
}

TEST(Spacetime, CrashesInFlightMessagesAndHandlers) {
  Model M(test::SendOnceBroadcast);
  // EOT 1: the messages sent at 1 would arrive at 2, after the end of time.
  auto R = M.run(bounds(1, 1, {"a", "b", "c"}, 1), faults({{"b", 1}}, {}));
  ASSERT_TRUE(R);
  report::StoryStep Step;
  Step.Time = 1;
  Step.Node = "a";
  Step.Handler = "Node::onBroadcast";
  Step.Text = "a broadcasts";
  std::vector<report::StoryStep> Steps{Step};
  std::string Svg = report::spacetimeSvg(*R, {"a", "b", "c"}, M.Ev->symbols(), Steps, "d");
  EXPECT_EQ(count(Svg, "data-fate=\"after-eot\""), 2u);
  EXPECT_EQ(count(Svg, "marker-end=\"url(#d-open-head)\""), 2u);
  EXPECT_EQ(count(Svg, "<g class=\"crash\" data-node=\"b\" data-time=\"1\""), 1u);
  EXPECT_EQ(count(Svg, ">Node::onBroadcast</text>"), 1u);
  // Each arrow is labelled with its payload (the columns after the
  // receiver), in its tooltip and on it; text from the run is escaped.
  EXPECT_EQ(count(Svg, "<text class=\"msg-label\" "), 2u);
  EXPECT_EQ(count(Svg, ">log(&quot;x&quot;)</text>"), 2u);
}

TEST(LineageDrawing, MarksWhatTheFaultsTakeAway) {
  Model M(test::SendOnceBroadcast);
  auto B = bounds(3, 2, {"a", "b", "c"});
  auto FaultFree = M.run(B);
  ASSERT_TRUE(FaultFree);
  eval::Tuple PostB;
  for (eval::TupleId Id : FaultFree->table(*FaultFree->relation("post"), 3))
    if (M.Ev->symbols().render(FaultFree->Tuples[Id].Values) == "\"b\", \"x\"")
      PostB = FaultFree->Tuples[Id].Values;
  ASSERT_FALSE(PostB.empty());
  report::LineageDrawing D = report::lineageSvg(*FaultFree, M.Prog, M.Ev->symbols(), PostB,
                                                faults({}, {{"a", "b", 1}}), "g");
  ASSERT_FALSE(D.Svg.empty()) << D.Why;
  EXPECT_EQ(D.Svg.rfind("<svg", 0), 0u) << "no XML prolog inside HTML";
  // The one message the omission loses, and nothing else of b's lineage.
  EXPECT_EQ(D.Cut, 1u);
  EXPECT_EQ(count(D.Svg, "class=\"node cut message\""), 1u);
  // log(b) persisted from 2 to 3 is one vertex (a relation no C++ member
  // holds is named as the program names it).
  EXPECT_EQ(count(D.Svg, "log(&quot;b&quot;, &quot;x&quot;), time 2..3"), 1u);
  EXPECT_EQ(count(D.Svg, "id=\"g_node1\""), 1u);
}

TEST(LineageDrawing, MarksWhatTheCounterexampleLacks) {
  Model M(test::SendOnceBroadcast);
  auto B = bounds(3, 2, {"a", "b", "c"});
  FaultSet Lost = faults({}, {{"a", "b", 1}});
  auto FaultFree = M.run(B), Cx = M.run(B, Lost);
  ASSERT_TRUE(FaultFree && Cx);
  eval::Tuple PostB;
  for (eval::TupleId Id : FaultFree->table(*FaultFree->relation("post"), 3))
    if (M.Ev->symbols().render(FaultFree->Tuples[Id].Values) == "\"b\", \"x\"")
      PostB = FaultFree->Tuples[Id].Values;
  ASSERT_FALSE(PostB.empty());
  report::LineageDrawing D =
      report::lineageSvg(*FaultFree, M.Prog, M.Ev->symbols(), PostB, Lost, "g", Cx.get());
  ASSERT_FALSE(D.Svg.empty()) << D.Why;
  // The lost message is what the fault takes away; the counterexample also
  // lacks all that follows from it, up to the outcome itself (b's log, the
  // rules that derive it and post), but not a's broadcast.
  EXPECT_EQ(D.Taken, 1u);
  EXPECT_EQ(count(D.Svg, "class=\"node cut message\""), 1u);
  EXPECT_GT(D.Cut, 2u);
  EXPECT_EQ(count(D.Svg, "class=\"node cut tuple\""), 2u) << D.Svg;
  EXPECT_GE(count(D.Svg, "post(&quot;b&quot;, &quot;x&quot;), time 3"), 1u);
  // Nothing b held was ended by a step of its own: no handler box.
  EXPECT_EQ(D.Enders, 0u);
}

// b keeps x while a's heartbeats arrive; one lost heartbeat makes b drop it.
const char *Heartbeat = R"(
node(N, M)@next :- node(N, M);
node("a", "b")@1;
tick(N)@next :- tick(N);
tick("a")@1;
hb(M, N)@async :- tick(N), node(N, M);
want(N, P)@next :- want(N, P);
want("b", "x")@1;
keep(N, P)@next :- keep(N, P), notin drop(N, P);
keep("b", "x")@1;
armed(N)@next :- want(N, _);
drop(N, P) :- keep(N, P), armed(N), notin hb(N, _);
pre(N, P) :- want(N, P);
post(N, P) :- keep(N, P);
)";

TEST(LineageDrawing, DrawsTheStepThatEndedStateTheOutcomeNeeded) {
  Model M(Heartbeat);
  auto B = bounds(5, 4, {"a", "b"});
  FaultSet Lost = faults({}, {{"a", "b", 2}});
  auto FaultFree = M.run(B), Cx = M.run(B, Lost);
  ASSERT_TRUE(FaultFree && Cx) << M.ErrText;
  ASSERT_TRUE(Cx->violates());
  eval::Tuple Outcome = Cx->Tuples[Cx->missingPost().front()].Values;
  report::LineageDrawing D =
      report::lineageSvg(*FaultFree, M.Prog, M.Ev->symbols(), Outcome, Lost, "g", Cx.get());
  ASSERT_FALSE(D.Svg.empty()) << D.Why;
  // keep(b, x) held from 1 to 5 fault-free; in the counterexample the lost
  // heartbeat let drop fire at 3, so keep ends there: one box, the rule
  // firing that ended it, below it.
  EXPECT_EQ(D.Enders, 1u);
  EXPECT_EQ(count(D.Svg, "keep(&quot;b&quot;, &quot;x&quot;), time 1..5"), 1u) << D.Svg;
  EXPECT_EQ(count(D.Svg, "(in the counterexample only until time 3)"), 1u);
  EXPECT_EQ(count(D.Svg, "class=\"node cut ender\""), 1u);
  EXPECT_EQ(count(D.Svg, "in the counterexample: rule drop"), 1u);
  EXPECT_EQ(count(D.Svg, ", time 3</text>"), 1u);
  EXPECT_EQ(count(D.Svg, ">ended by</text>"), 1u);
  // The heartbeat itself is not in keep's lineage (only its absence, which
  // the drawing of the fault-free run does not show): nothing is taken.
  EXPECT_EQ(D.Taken, 0u);
}

TEST(LineageDrawing, NoLineageForAnOutcomeTheFaultFreeRunLacks) {
  Model M(test::SendOnceBroadcast);
  auto FaultFree = M.run(bounds(3, 2, {"a", "b", "c"}));
  ASSERT_TRUE(FaultFree);
  eval::Tuple Nowhere = FaultFree->Tuples[0].Values;
  Nowhere.push_back(eval::Value::integer(42));
  report::LineageDrawing D = report::lineageSvg(*FaultFree, M.Prog, M.Ev->symbols(), Nowhere,
                                                FaultSet(), "g");
  EXPECT_TRUE(D.Svg.empty());
  EXPECT_NE(D.Why.find("fault-free run"), std::string::npos);
}
