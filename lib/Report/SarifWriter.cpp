//===- SarifWriter.cpp - Findings as SARIF 2.1.0 --------------------------===//
//
// What GitHub code scanning and other SARIF consumers read (the
// requirements of GitHub's "SARIF support for code scanning" are checked
// by test/lit/report/sarif-code-scanning.test):
//
// - tool.driver: name, version and semanticVersion, one rule per invariant
//   with a short and a full description and help as text and Markdown;
// - a result per finding present in the revision, at its primary location
//   (a review's introduced finding at the changed line of its story, else
//   the invariant), the invariant as a related location, the story as a
//   thread flow, and partialFingerprints: faultline's own fingerprint and
//   primaryLocationLineHash, derived from it, so that a service tracks the
//   finding across pushes as the review does. A fixed finding is left out:
//   code scanning ignores baselineState and would show it as an alert on
//   an unrelated line of the new revision;
// - locations as %SRCROOT%-relative, percent-encoded URIs
//   (originalUriBaseIds gives the root), regions from the line's first
//   column to its end, in Unicode code points (the compiler's columns are
//   bytes: they are converted where the file can be read, else left out);
// - automationDetails.id, the category code scanning keeps faultline's
//   analyses apart from other tools' by (the same for check and review).
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <map>
#include <memory>

namespace faultline::report {

namespace {

/// A path as a URI reference: every byte but the unreserved characters of
/// RFC 3986 and '/' percent-encoded (so '#', '%', '?' and spaces survive).
std::string encodeURI(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/')
      Out += static_cast<char>(C);
    else
      Out += fmt::format("%{:02X}", C);
  }
  return Out;
}

/// Unicode code points in a UTF-8 string: the bytes that start one.
unsigned codePoints(llvm::StringRef Text) {
  unsigned N = 0;
  for (unsigned char C : Text)
    N += (C & 0xC0) != 0x80;
  return N;
}

class SarifBuilder {
public:
  explicit SarifBuilder(const FindingsReport &R) : R(R) {}

  /// A SARIF location, with an optional message; an invalid one has none.
  llvm::json::Object location(const Location &L, const std::string &Message = "") {
    llvm::json::Object O;
    if (L.isValid()) {
      std::string File = relativeToRoot(R, L.File);
      llvm::json::Object Artifact;
      if (llvm::sys::path::is_absolute(File)) {
        Artifact["uri"] = "file://" + encodeURI(llvm::sys::path::convert_to_slash(File));
      } else {
        Artifact["uri"] = encodeURI(llvm::sys::path::convert_to_slash(File));
        Artifact["uriBaseId"] = "%SRCROOT%";
      }
      O["physicalLocation"] = llvm::json::Object{{"artifactLocation", std::move(Artifact)},
                                                 {"region", region(L, File)}};
    }
    if (!Message.empty())
      O["message"] = llvm::json::Object{{"text", Message}};
    return O;
  }

private:
  /// The line from the location's column to its end, in code points; the
  /// whole line when the file cannot be read.
  llvm::json::Object region(const Location &L, const std::string &File) {
    llvm::json::Object Region{{"startLine", L.Line}, {"endLine", L.Line}};
    std::optional<llvm::StringRef> Text = line(File, L.Line);
    if (!Text || L.Column == 0 || L.Column > Text->size() + 1)
      return Region;
    Region["startColumn"] = codePoints(Text->take_front(L.Column - 1)) + 1;
    Region["endColumn"] = codePoints(*Text) + 1;
    return Region;
  }

  /// Line N of File (without its end of line), if it can be read.
  std::optional<llvm::StringRef> line(const std::string &File, unsigned N) {
    auto [It, New] = Files.try_emplace(File);
    if (New) {
      std::string Path = File;
      if (!llvm::sys::path::is_absolute(File))
        Path = (R.SourceCopy.empty() ? R.SourceRoot : R.SourceCopy) + "/" + File;
      if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true))
        It->second = std::move(*Buffer);
    }
    if (!It->second)
      return std::nullopt;
    llvm::StringRef Rest = It->second->getBuffer();
    for (unsigned I = 1; I < N && !Rest.empty(); ++I)
      Rest = Rest.split('\n').second;
    if (Rest.empty())
      return std::nullopt;
    return Rest.split('\n').first.rtrim("\r");
  }

  const FindingsReport &R;
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
};

std::string resultMessage(const FindingsReport &R, const Finding &F) {
  std::string Text = fmt::format("invariant '{}' is violated in scenario '{}' under: {}",
                                 F.Invariant, F.Scenario, F.Faults.empty() ? "no faults" : F.Faults);
  if (F.State == Baseline::Updated)
    Text += fmt::format(". Still broken, another way than before ({})", F.Before);
  if (F.Changed.isValid())
    Text += fmt::format(". {} here: the {}. The invariant is at {}:{}.",
                        F.State == Baseline::Updated ? "Changed" : "Introduced", F.ChangedText,
                        relativeToRoot(R, F.InvariantLoc.File), F.InvariantLoc.Line);
  return Text;
}

llvm::json::Object rule(const FindingsReport &R, const Finding &F) {
  std::string Where = F.InvariantLoc.isValid()
                          ? fmt::format(" (declared at {}:{})",
                                        relativeToRoot(R, F.InvariantLoc.File), F.InvariantLoc.Line)
                          : "";
  std::string Full = fmt::format(
      "The FL_INVARIANT '{}'{} must hold at the end of every run of each scenario that "
      "reaches it, under every combination of faults the scenario's bounds allow (lost "
      "messages before EFF, crashed nodes). faultline found a run, with the faults this "
      "result names, at whose end it is false.",
      F.Invariant, Where);
  std::string Help = Full + " The result's code flow is that run, step by step: the "
                            "handlers that ran, the crashes and the lost messages. To see it "
                            "in the compiled code, replay the schedule of `faultline check "
                            "--emit-schedules DIR` with the protocol's replay binary.";
  std::string Markdown = fmt::format(
      "The invariant `{}`{} must hold at the end of every run of each scenario that reaches "
      "it, under every combination of faults the scenario's bounds allow (lost messages before "
      "EFF, crashed nodes). faultline found a run, with the faults this result names, at "
      "whose end it is false.\n\n"
      "The result's code flow is that run, step by step: the handlers that ran, the crashes "
      "and the lost messages.\n\n"
      "To reproduce it locally:\n\n"
      "```\nfaultline check -p BUILD --scenario {} --emit-schedules cex\n```\n\n"
      "and replay `cex/{}.json` with the protocol's replay binary to see it happen in the "
      "compiled code.",
      F.Invariant, Where, F.Scenario, F.Scenario);
  return llvm::json::Object{
      {"id", F.Invariant},
      {"name", F.Invariant},
      {"shortDescription",
       llvm::json::Object{{"text", "The invariant '" + F.Invariant + "' holds under faults"}}},
      {"fullDescription", llvm::json::Object{{"text", Full}}},
      {"help", llvm::json::Object{{"text", Help}, {"markdown", Markdown}}},
      {"defaultConfiguration", llvm::json::Object{{"level", "error"}}},
      {"properties",
       llvm::json::Object{{"tags", llvm::json::Array{"reliability", "fault-tolerance"}},
                          // A counterexample is a concrete run of the model.
                          {"precision", "very-high"},
                          {"problem.severity", "error"}}}};
}

} // namespace

llvm::json::Value toSARIF(const FindingsReport &R) {
  SarifBuilder B(R);
  // Rules in order of first appearance, so the output is deterministic.
  std::map<std::string, unsigned> RuleIndex;
  llvm::json::Array Rules, Results;
  // How often each fingerprint came before: the ":N" of the line hash.
  std::map<std::string, unsigned> Seen;
  for (const Finding &F : R.Findings) {
    if (F.State == Baseline::Absent)
      continue;
    if (RuleIndex.emplace(F.Invariant, Rules.size()).second)
      Rules.push_back(rule(R, F));
    llvm::json::Array Steps;
    for (const StoryStep &S : F.Story)
      Steps.push_back(llvm::json::Object{
          {"location", B.location(S.Loc, S.Text)},
          {"executionOrder", static_cast<int64_t>(Steps.size() + 1)}});
    for (const Violation &V : F.Violations)
      Steps.push_back(
          llvm::json::Object{{"location", B.location(V.Loc, V.Text)},
                             {"executionOrder", static_cast<int64_t>(Steps.size() + 1)}});
    llvm::json::Object Invariant = B.location(F.InvariantLoc, "the invariant '" + F.Invariant + "'");
    Invariant["id"] = 1;
    unsigned Occurrence = ++Seen[F.Fingerprint];
    llvm::json::Object Result{
        {"ruleId", F.Invariant},
        {"ruleIndex", RuleIndex[F.Invariant]},
        {"level", "error"},
        {"message", llvm::json::Object{{"text", resultMessage(R, F)}}},
        {"locations", llvm::json::Array{B.location(F.primary())}},
        {"relatedLocations", llvm::json::Array{std::move(Invariant)}},
        {"partialFingerprints",
         llvm::json::Object{
             {"faultlineFinding/v1", F.Fingerprint},
             {"primaryLocationLineHash", fmt::format("{}:{}", F.Fingerprint, Occurrence)}}},
        {"properties", llvm::json::Object{{"scenario", F.Scenario}, {"faults", F.Faults}}}};
    if (!Steps.empty())
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"message", llvm::json::Object{{"text", "the run that breaks '" + F.Invariant + "'"}}},
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Steps)}}}}}};
    if (F.State != Baseline::None)
      Result["baselineState"] = baselineName(F.State);
    Results.push_back(std::move(Result));
  }
  llvm::json::Object Driver{{"name", "faultline"},
                            {"version", R.ToolVersion},
                            {"semanticVersion", R.ToolVersion},
                            {"rules", std::move(Rules)}};
  llvm::json::Object Run{{"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
                         // One category for check and review: code scanning compares a
                         // pull request's analysis with its base branch's of the same one.
                         {"automationDetails", llvm::json::Object{{"id", "faultline/"}}},
                         {"results", std::move(Results)},
                         {"columnKind", "unicodeCodePoints"}};
  if (!R.SourceRoot.empty())
    Run["originalUriBaseIds"] = llvm::json::Object{
        {"%SRCROOT%",
         llvm::json::Object{
             {"uri", "file://" + encodeURI(llvm::sys::path::convert_to_slash(R.SourceRoot)) +
                         (llvm::StringRef(R.SourceRoot).ends_with("/") ? "" : "/")}}}};
  if (R.IsReview) {
    Run["properties"] = llvm::json::Object{{"baseRevision", R.BaseRev}, {"headRevision", R.HeadRev}};
  } else {
    // check: which scenarios' verdicts came from the verdict cache.
    llvm::json::Array Cached;
    for (const ScenarioSummary &S : R.Scenarios)
      if (S.Cached)
        Cached.push_back(S.Name);
    if (!Cached.empty())
      Run["properties"] = llvm::json::Object{{"cachedScenarios", std::move(Cached)}};
  }
  return llvm::json::Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                            {"version", "2.1.0"},
                            {"runs", llvm::json::Array{std::move(Run)}}};
}

} // namespace faultline::report
