//===- SarifWriter.cpp - Findings as SARIF 2.1.0 --------------------------===//
//
// What GitHub code scanning and other SARIF consumers read: tool.driver
// with one rule per invariant, a result per finding at its invariant, its
// fingerprint as partialFingerprints (so that a service tracks it across
// pushes as the review does) and its story as a thread flow. Paths are
// relative to the repository root (%SRCROOT%) where the review knows it.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <map>

namespace faultline::report {

namespace {

/// A SARIF location, with an optional message; an invalid one has none.
llvm::json::Object sarifLocation(const Location &L, const std::string &Message = "") {
  llvm::json::Object O;
  if (L.isValid()) {
    llvm::json::Object Artifact{{"uri", llvm::sys::path::convert_to_slash(L.File)}};
    if (!llvm::sys::path::is_absolute(L.File))
      Artifact["uriBaseId"] = "%SRCROOT%";
    llvm::json::Object Region{{"startLine", L.Line}};
    if (L.Column)
      Region["startColumn"] = L.Column;
    O["physicalLocation"] =
        llvm::json::Object{{"artifactLocation", std::move(Artifact)}, {"region", std::move(Region)}};
  }
  if (!Message.empty())
    O["message"] = llvm::json::Object{{"text", Message}};
  return O;
}

std::string resultMessage(const Finding &F) {
  return fmt::format("invariant '{}' is violated in scenario '{}' under: {}", F.Invariant,
                     F.Scenario, F.Faults.empty() ? "no faults" : F.Faults);
}

} // namespace

llvm::json::Value toSARIF(const FindingsReport &R) {
  // Rules in order of first appearance, so the output is deterministic.
  std::map<std::string, unsigned> RuleIndex;
  llvm::json::Array Rules;
  for (const Finding &F : R.Findings)
    if (RuleIndex.emplace(F.Invariant, Rules.size()).second)
      Rules.push_back(llvm::json::Object{
          {"id", F.Invariant},
          {"name", F.Invariant},
          {"shortDescription",
           llvm::json::Object{{"text", "The invariant '" + F.Invariant + "' holds under faults"}}},
          {"defaultConfiguration", llvm::json::Object{{"level", "error"}}}});
  llvm::json::Array Results;
  for (const Finding &F : R.Findings) {
    llvm::json::Array Steps;
    for (const StoryStep &S : F.Story) {
      llvm::json::Object Step{{"location", sarifLocation(S.Loc, S.Text)},
                              {"executionOrder", static_cast<int64_t>(Steps.size() + 1)}};
      Steps.push_back(std::move(Step));
    }
    for (const std::string &V : F.Violations)
      Steps.push_back(llvm::json::Object{
          {"location", sarifLocation(F.InvariantLoc, V)},
          {"executionOrder", static_cast<int64_t>(Steps.size() + 1)}});
    llvm::json::Object Result{
        {"ruleId", F.Invariant},
        {"ruleIndex", RuleIndex[F.Invariant]},
        // A fixed finding is reported for the record, not as a problem.
        {"level", F.State == Baseline::Absent ? "note" : "error"},
        {"message", llvm::json::Object{{"text", resultMessage(F)}}},
        {"locations", llvm::json::Array{sarifLocation(F.InvariantLoc)}},
        {"partialFingerprints", llvm::json::Object{{"faultlineFinding/v1", F.Fingerprint}}},
        {"properties", llvm::json::Object{{"scenario", F.Scenario}}}};
    if (!Steps.empty())
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"message", llvm::json::Object{{"text", "the run that breaks '" + F.Invariant + "'"}}},
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Steps)}}}}}};
    if (F.State != Baseline::None)
      Result["baselineState"] = baselineName(F.State);
    Results.push_back(std::move(Result));
  }
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{{"driver", llvm::json::Object{{"name", "faultline"},
                                                        {"version", R.ToolVersion},
                                                        {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"columnKind", "unicodeCodePoints"}};
  if (R.IsReview)
    Run["properties"] = llvm::json::Object{{"baseRevision", R.BaseRev}, {"headRevision", R.HeadRev}};
  return llvm::json::Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                            {"version", "2.1.0"},
                            {"runs", llvm::json::Array{std::move(Run)}}};
}

} // namespace faultline::report
