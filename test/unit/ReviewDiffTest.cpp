//===- ReviewDiffTest.cpp - Fingerprints, classification, finding JSON ---===//

#include "faultline/Report/ReviewDiff.h"
#include "faultline/Report/Writers.h"

#include <gtest/gtest.h>

using namespace faultline::report;

namespace {

StoryStep step(StoryStep::Kind K, int Time, std::string Node, std::string Role,
               std::string Handler = "", std::string Message = "", std::string PeerRole = "") {
  StoryStep S;
  S.K = K;
  S.Time = Time;
  S.Node = std::move(Node);
  S.Role = std::move(Role);
  S.Handler = std::move(Handler);
  S.Message = std::move(Message);
  S.PeerRole = std::move(PeerRole);
  S.Text = "step at " + std::to_string(Time);
  S.Loc = {"src/log.cpp", static_cast<unsigned>(10 + Time), 3};
  return S;
}

Finding lostAppend() {
  Finding F;
  F.Scenario = "lostAppend";
  F.Invariant = "durability";
  F.InvariantLoc = {"src/log.h", 40, 1};
  F.Faults = "omission(a, b, 1)";
  F.EOT = 4;
  F.Story = {step(StoryStep::Kind::LostMessage, 1, "a", "Leader", "", "append", "Replica"),
             step(StoryStep::Kind::Handler, 2, "a", "Leader", "Leader::onAck", "ack")};
  F.Violations = {{"durability", "durability(a = a) is false at the end of time 4", F.InvariantLoc}};
  return F;
}

TEST(Fingerprint, IgnoresLinesTimesAndNodeNames) {
  Finding A = lostAppend(), B = lostAppend();
  for (StoryStep &S : B.Story) {
    S.Time += 1;
    S.Node = "n" + S.Node;
    S.Loc.Line += 7;
  }
  B.InvariantLoc.Line = 99;
  B.Faults = "omission(x, y, 2)";
  EXPECT_EQ(fingerprint(A), fingerprint(B));
  EXPECT_EQ(fingerprint(A).size(), 16u);
}

TEST(Fingerprint, NamesTheInvariantTheFaultRolesAndTheHandlers) {
  Finding A = lostAppend();
  std::string Text = fingerprintText(A);
  EXPECT_NE(Text.find("invariant durability"), std::string::npos);
  EXPECT_NE(Text.find("fault lost append from Leader to Replica"), std::string::npos);
  EXPECT_NE(Text.find("handler Leader::onAck"), std::string::npos);

  Finding OtherHandler = lostAppend();
  OtherHandler.Story[1].Handler = "Leader::onAckFast";
  EXPECT_NE(fingerprint(A), fingerprint(OtherHandler));
  Finding Crash = lostAppend();
  Crash.Story[0] = step(StoryStep::Kind::Crash, 1, "b", "Replica");
  EXPECT_NE(fingerprint(A), fingerprint(Crash));
  Finding OtherInvariant = lostAppend();
  OtherInvariant.Invariant = "agreement";
  EXPECT_NE(fingerprint(A), fingerprint(OtherInvariant));
}

TEST(Classify, IntroducedFixedAndStillPresentAsReportdiffDoes) {
  Finding Kept = lostAppend();
  Finding Gone = lostAppend();
  Gone.Scenario = "crashLeader";
  Finding Added = lostAppend();
  Added.Invariant = "agreement";
  std::vector<Finding> Out = classifyFindings({Kept, Gone}, {Kept, Added});
  ASSERT_EQ(Out.size(), 3u);
  EXPECT_EQ(Out[0].State, Baseline::New);
  EXPECT_EQ(Out[0].Invariant, "agreement");
  EXPECT_EQ(Out[1].State, Baseline::Absent);
  EXPECT_EQ(Out[1].Scenario, "crashLeader");
  EXPECT_EQ(Out[2].State, Baseline::Unchanged);
}

TEST(Classify, CountsEachFingerprint) {
  Finding F = lostAppend();
  std::vector<Finding> Out = classifyFindings({F, F}, {F});
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(Out[0].State, Baseline::Absent);
  EXPECT_EQ(Out[1].State, Baseline::Unchanged);
}

TEST(FindingJSON, RoundTrips) {
  Finding F = lostAppend();
  F.Fingerprint = fingerprint(F);
  llvm::json::Value V = toJSON(F);
  Finding Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(V, Back, Root));
  EXPECT_EQ(Back.Fingerprint, F.Fingerprint);
  EXPECT_EQ(fingerprint(Back), F.Fingerprint);
  ASSERT_EQ(Back.Story.size(), 2u);
  EXPECT_EQ(Back.Story[0].K, StoryStep::Kind::LostMessage);
  EXPECT_EQ(Back.Story[1].Loc.Line, F.Story[1].Loc.Line);
  ASSERT_EQ(Back.Violations.size(), 1u);
  EXPECT_EQ(Back.Violations[0].Text, F.Violations[0].Text);
  EXPECT_EQ(Back.Violations[0].Loc.Line, F.Violations[0].Loc.Line);
}

TEST(Writers, SarifHasARulePerInvariantAndBaselineStatesOnlyInAReview) {
  FindingsReport R;
  R.ToolVersion = "test";
  Finding A = lostAppend(), B = lostAppend();
  B.Invariant = "agreement";
  A.Fingerprint = fingerprint(A);
  B.Fingerprint = fingerprint(B);
  R.Findings = {A, B, A};
  llvm::json::Value V = toSARIF(R);
  const llvm::json::Object *Run = (*V.getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Array *Rules =
      Run->getObject("tool")->getObject("driver")->getArray("rules");
  ASSERT_EQ(Rules->size(), 2u);
  const llvm::json::Array *Results = Run->getArray("results");
  ASSERT_EQ(Results->size(), 3u);
  EXPECT_EQ((*Results)[1].getAsObject()->getInteger("ruleIndex"), 1);
  EXPECT_EQ((*Results)[2].getAsObject()->getInteger("ruleIndex"), 0);
  EXPECT_FALSE((*Results)[0].getAsObject()->get("baselineState"));

  R.IsReview = true;
  R.Findings = classifyFindings({A}, {B});
  V = toSARIF(R);
  Results = (*V.getAsObject()->getArray("runs"))[0].getAsObject()->getArray("results");
  // The fixed finding is left out: code scanning ignores baselineState and
  // would show it as an alert on a line of the new revision.
  ASSERT_EQ(Results->size(), 1u);
  EXPECT_EQ((*Results)[0].getAsObject()->getString("baselineState"), "new");
}

TEST(Writers, RdjsonLeavesFixedFindingsOut) {
  FindingsReport R;
  R.IsReview = true;
  Finding A = lostAppend(), B = lostAppend();
  B.Scenario = "other";
  R.Findings = classifyFindings({A}, {B});
  llvm::json::Value V = toRdjson(R);
  const llvm::json::Array *D = V.getAsObject()->getArray("diagnostics");
  ASSERT_EQ(D->size(), 1u);
  EXPECT_EQ((*D)[0].getAsObject()->getString("severity"), "ERROR");
}

TEST(Writers, MarkdownListsIntroducedAndFixedWithTimelines) {
  FindingsReport R;
  R.IsReview = true;
  R.BaseRev = "v1";
  R.HeadRev = "v2";
  Finding A = lostAppend(), B = lostAppend();
  B.Scenario = "other";
  R.Findings = classifyFindings({A}, {B});
  std::string M = toMarkdown(R);
  EXPECT_NE(M.find("**1 introduced**, 1 fixed, 0 still present."), std::string::npos);
  EXPECT_NE(M.find("<details><summary>introduced: <code>durability</code> in scenario "
                   "<code>other</code>"),
            std::string::npos);
  EXPECT_NE(M.find("| 2 | step at 2 | <code>src/log.cpp:12</code> |"), std::string::npos);
}

TEST(Writers, MarkdownKeepsACertificatesCaveatsAndDropsItsStatistics) {
  // The verdict as check's ScenarioSearch writes it: bounds, caveat, then
  // the statistics that change from run to run.
  FindingsReport R;
  R.IsReview = true;
  R.Scenarios.push_back(
      {"agg", "certified",
       "certified for EOT 4, EFF 2, 0 crashes; a pre only faults create was aimed at only until "
       "every invariant had a pre (pre depends on an aggregate) (2 runs, 0.004 s, fault space 4 "
       "scenarios, invariants with a pre: 1 of 1)",
       "changed", false});
  std::string M = toMarkdown(R);
  EXPECT_NE(M.find("| <code>agg</code> | changed | certified for EOT 4, EFF 2, 0 crashes; a pre "
                   "only faults create was aimed at only until every invariant had a pre (pre "
                   "depends on an aggregate) |"),
            std::string::npos)
      << M;
  EXPECT_EQ(M.find("2 runs"), std::string::npos) << M;
}

TEST(Classify, AnotherWayToBreakTheSameInvariantIsUpdatedNotNew) {
  Finding Before = lostAppend();
  Finding After = lostAppend();
  After.Story[1].Handler = "Leader::onAckFast";
  After.Faults = "omission(a, c, 1)";
  std::vector<Finding> Out = classifyFindings({Before}, {After});
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].State, Baseline::Updated);
  EXPECT_EQ(Out[0].Before, "omission(a, b, 1), through Leader::onAck");
}

TEST(ChangedLines, ReadsTheNewSideOfEachHunk) {
  ChangedLines C = parseChangedLines("diff --git a/src/x.h b/src/x.h\n"
                                     "--- a/src/x.h\n"
                                     "+++ b/src/x.h\n"
                                     "@@ -3 +3 @@ int a;\n"
                                     "-int b;\n"
                                     "+int c;\n"
                                     "@@ -10,2 +10,0 @@\n"
                                     "@@ -20,0 +19,3 @@ void f() {\n"
                                     "--- a/gone.h\n"
                                     "+++ /dev/null\n"
                                     "@@ -1,4 +0,0 @@\n"
                                     "--- /dev/null\n"
                                     "+++ b/a b.h\t\n"
                                     "@@ -0,0 +1,2 @@\n");
  ASSERT_EQ(C.size(), 2u);
  EXPECT_EQ(C["src/x.h"], (std::vector<std::pair<unsigned, unsigned>>{{3, 3}, {19, 21}}));
  EXPECT_EQ(C["a b.h"], (std::vector<std::pair<unsigned, unsigned>>{{1, 2}}));
}

TEST(ChangedLines, AnIntroducedFindingGoesToTheFirstChangedStepOfItsStory) {
  Finding F = lostAppend();
  F.Story[0].Code = {{"src/log.cpp", 20, 30}};
  F.Story[1].Code = {{"src/log.cpp", 40, 50}, {"src/helper.h", 7, 7}};
  std::vector<Finding> Fs = classifyFindings({}, {F});
  placeOnChanges(Fs, {{"src/helper.h", {{7, 7}}}, {"src/log.cpp", {{45, 60}}}});
  EXPECT_EQ(Fs[0].Changed.File, "src/log.cpp");
  EXPECT_EQ(Fs[0].Changed.Line, 45u);
  EXPECT_EQ(Fs[0].primary().Line, 45u);
  EXPECT_NE(Fs[0].ChangedText.find("Leader::onAck, which node a runs at time 2"),
            std::string::npos);

  // Nothing of the story changed, the invariant did.
  Fs = classifyFindings({}, {F});
  placeOnChanges(Fs, {{"src/log.h", {{39, 41}}}});
  EXPECT_EQ(Fs[0].Changed.Line, 40u);
  // Nothing changed: at the invariant.
  Fs = classifyFindings({}, {F});
  placeOnChanges(Fs, {{"src/other.cpp", {{1, 100}}}});
  EXPECT_FALSE(Fs[0].Changed.isValid());
  EXPECT_EQ(Fs[0].primary().File, "src/log.h");
  // Findings that were there before stay at their invariant.
  Fs = classifyFindings({F}, {F});
  placeOnChanges(Fs, {{"src/log.cpp", {{1, 100}}}});
  EXPECT_FALSE(Fs[0].Changed.isValid());
}

TEST(Writers, RdjsonPutsAnIntroducedFindingOnItsChangedLine) {
  FindingsReport R;
  R.IsReview = true;
  Finding F = lostAppend();
  F.Story[1].Code = {{"src/log.cpp", 40, 50}};
  R.Findings = classifyFindings({}, {F});
  placeOnChanges(R.Findings, {{"src/log.cpp", {{44, 44}}}});
  llvm::json::Value V = toRdjson(R);
  const llvm::json::Object *D = (*V.getAsObject()->getArray("diagnostics"))[0].getAsObject();
  EXPECT_EQ(D->getObject("location")->getString("path"), "src/log.cpp");
  EXPECT_EQ(D->getObject("location")->getObject("range")->getObject("start")->getInteger("line"),
            44);
  const llvm::json::Object *Invariant =
      (*D->getArray("related_locations"))[0].getAsObject()->getObject("location");
  EXPECT_EQ(Invariant->getString("path"), "src/log.h");
}

TEST(Writers, RdjsonHasNoSeverityWithoutDiagnostics) {
  FindingsReport R;
  llvm::json::Value V = toRdjson(R);
  EXPECT_FALSE(V.getAsObject()->get("severity"));
  R.Findings = {lostAppend()};
  V = toRdjson(R);
  EXPECT_EQ(V.getAsObject()->getString("severity"), "ERROR");
}

TEST(Writers, MarkdownShowsNamesAsText) {
  FindingsReport R;
  R.IsReview = true;
  Finding F = lostAppend();
  F.Scenario = "</details># x";
  F.Story[0].Text = "node <img src=x onerror=alert(1)> | `tick` *bold* @someone \x1b[31m";
  R.Findings = classifyFindings({}, {F});
  std::string M = toMarkdown(R);
  EXPECT_EQ(M.find("<img"), std::string::npos);
  EXPECT_EQ(M.find("</details>#"), std::string::npos);
  EXPECT_EQ(M.find("\x1b"), std::string::npos);
  EXPECT_NE(M.find("&lt;/details&gt;\\# x"), std::string::npos);
  EXPECT_NE(M.find("node &lt;img src=x onerror=alert(1)&gt; &#124; \\`tick\\` \\*bold\\* "
                   "\\@someone \\x1B\\[31m"),
            std::string::npos);
}

TEST(Writers, SarifURIsArePercentEncodedAndColumnsCodePoints) {
  FindingsReport R;
  R.SourceRoot = "/repo";
  Finding F = lostAppend();
  F.InvariantLoc = {"/repo/src/a b#%.h", 3, 5};
  F.Story.clear();
  R.Findings = {F};
  llvm::json::Value V = toSARIF(R);
  const llvm::json::Object *Run = (*V.getAsObject()->getArray("runs"))[0].getAsObject();
  const llvm::json::Object *Loc = (*(*Run->getArray("results"))[0].getAsObject()->getArray(
                                       "locations"))[0]
                                      .getAsObject()
                                      ->getObject("physicalLocation");
  EXPECT_EQ(Loc->getObject("artifactLocation")->getString("uri"), "src/a%20b%23%25.h");
  EXPECT_EQ(Loc->getObject("artifactLocation")->getString("uriBaseId"), "%SRCROOT%");
  // The file cannot be read: the whole line, no byte columns.
  EXPECT_EQ(Loc->getObject("region")->getInteger("endLine"), 3);
  EXPECT_FALSE(Loc->getObject("region")->get("startColumn"));
  EXPECT_EQ(Run->getObject("originalUriBaseIds")->getObject("%SRCROOT%")->getString("uri"),
            "file:///repo/");
}

} // namespace
