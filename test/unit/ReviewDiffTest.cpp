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
  F.Violations = {"at the end of time 4, pre(...) holds but post does not"};
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
  EXPECT_EQ(Back.Violations, F.Violations);
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
  EXPECT_EQ((*Results)[0].getAsObject()->getString("baselineState"), "new");
  EXPECT_EQ((*Results)[1].getAsObject()->getString("baselineState"), "absent");
  EXPECT_EQ((*Results)[1].getAsObject()->getString("level"), "note");
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
  EXPECT_NE(M.find("| 2 | step at 2 | `src/log.cpp:12` |"), std::string::npos);
}

} // namespace
