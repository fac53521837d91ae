//===- MergeCommand.cpp - faultline merge: shards' reports as one ---------===//
//
// `check --shard I/N --format json` checks a share of the scenarios; merge
// reads the JSON reports of all N shards and writes the report of the whole
// check, in any of check's structured formats or as its verdict lines. It
// refuses an incomplete set: a shard missing or given twice, shards of
// different counts, checks or faultline versions, a scenario in two
// reports. Scenarios are listed by name, each with its findings.
//
// `check --space-shard J/M` searches part J of M of each scenario's fault
// space (exhaustive or random search); merge joins the M parts of each
// scenario into the verdict of the unsharded search: the counterexample
// first in the search's order (the one it stops at), else certified if
// every part was, else inconclusive.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/Report/Findings.h"
#include "faultline/Report/Writers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace faultline::tool {

namespace {

int badInput(const std::string &Message) {
  llvm::errs() << "faultline: error: " << Message << "\n";
  return ExitBadInput;
}

/// One shard's report as check --format json wrote it; an error message
/// otherwise.
std::optional<std::string> readReport(const std::string &File, report::FindingsReport &R) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return fmt::format("cannot read {}: {}", File, Buffer.getError().message());
  auto V = llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return fmt::format("{} is not JSON: {}", File, llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  if (!O || O->getString("tool") != "faultline" || !O->get("scenarios"))
    return fmt::format("{} is not a report of faultline check --format json", File);
  if (O->get("base"))
    return fmt::format("{} is a review's report; merge joins the shards of a check", File);
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper M(*V, Root);
  std::optional<std::map<std::string, int64_t>> Shard, Space;
  if (!M.map("version", R.ToolVersion) || !M.map("scenarios", R.Scenarios) ||
      !M.map("findings", R.Findings) || !M.mapOptional("shard", Shard) ||
      !M.mapOptional("space_shard", Space)) {
    std::string Why = llvm::toString(Root.getError());
    return fmt::format("{} is not a report of faultline check --format json ({})", File, Why);
  }
  if (Shard) {
    int64_t Index = (*Shard)["index"], Count = (*Shard)["count"], Total = (*Shard)["scenarios"];
    if (Count <= 0 || Index < 0 || Index >= Count || Total < 0)
      return fmt::format("{}: its shard {}/{} is not one", File, Index, Count);
    report::FindingsReport::ShardInfo S;
    S.Index = static_cast<unsigned>(Index);
    S.Count = static_cast<unsigned>(Count);
    S.Total = static_cast<unsigned>(Total);
    R.Shard = S;
  }
  if (Space) {
    int64_t Index = (*Space)["index"], Count = (*Space)["count"];
    if (Count <= 0 || Index < 0 || Index >= Count)
      return fmt::format("{}: its space shard {}/{} is not one", File, Index, Count);
    R.SpaceShard = {static_cast<unsigned>(Index), static_cast<unsigned>(Count), 0};
    for (const report::ScenarioSummary &S : R.Scenarios)
      if (!S.Space || S.Space->Index != Index || S.Space->Count != Count)
        return fmt::format("{}: scenario '{}' is not of its space shard {}/{}", File, S.Name,
                           Index, Count);
  }
  return std::nullopt;
}

/// The text of a verdict without its statistics: "certified for EOT 16,
/// EFF 0, 1 crash", "counterexample".
std::string verdictHead(const std::string &Detail) {
  return Detail.substr(0, Detail.find(" ("));
}

/// The M space shards' summaries of one scenario (in shard order) and their
/// findings as one: the unsharded search's verdict. Findings keep only the
/// first counterexample's shard's, without their positions.
report::ScenarioSummary joinSpaceShards(const std::vector<report::ScenarioSummary> &Parts,
                                        std::vector<report::Finding> &Findings) {
  report::ScenarioSummary Out = Parts.front();
  Out.Space.reset();
  Out.Cached = llvm::all_of(Parts, [](const report::ScenarioSummary &S) { return S.Cached; });
  uint64_t Runs = 0;
  const report::ScenarioSummary *First = nullptr;
  for (const report::ScenarioSummary &S : Parts) {
    Runs += S.Space->Runs;
    if (S.Space->First && (!First || *S.Space->First < *First->Space->First))
      First = &S;
  }
  unsigned Count = Parts.front().Space->Count;
  std::string Stats = fmt::format("{} runs in {} space shards", Runs, Count);
  if (First) {
    Out.Verdict = First->Verdict;
    Out.Detail = fmt::format("{} ({}; the first in the search's order, at position {}, found "
                             "by space shard {}/{})",
                             verdictHead(First->Detail), Stats, *First->Space->First,
                             First->Space->Index, Count);
    llvm::erase_if(Findings, [&](const report::Finding &F) {
      return F.Position != First->Space->First;
    });
  } else if (llvm::all_of(Parts, [](const report::ScenarioSummary &S) {
               return S.Verdict == "certified";
             })) {
    Out.Detail = fmt::format("{} ({})", verdictHead(Out.Detail), Stats);
  } else {
    std::vector<std::string> Open;
    for (const report::ScenarioSummary &S : Parts)
      if (S.Verdict != "certified") {
        if (Open.empty())
          Out = S, Out.Space.reset();
        Open.push_back(std::to_string(S.Space->Index));
      }
    Out.Detail = fmt::format("{} ({}; space shard{} {} did not finish)", verdictHead(Out.Detail),
                             Stats, Open.size() == 1 ? "" : "s", llvm::join(Open, ", "));
  }
  for (report::Finding &F : Findings)
    F.Position.reset();
  return Out;
}

} // namespace

int mergeCommand(const MergeOptions &Opts) {
  if (Opts.Format == report::ReportFormat::Html)
    return badInput("merge writes text or check's structured formats, not html (the page needs "
                    "the runs: check --format html)");
  report::FindingsReport Out;
  // scenario and space shard -> the report that has it
  std::map<std::pair<std::string, unsigned>, std::string> FileOf;
  // shard and space shard -> its report
  std::map<std::pair<unsigned, unsigned>, std::string> ShardFile;
  std::optional<report::FindingsReport::ShardInfo> Shape, SpaceShape;
  for (const std::string &File : Opts.Files) {
    report::FindingsReport R;
    if (auto Error = readReport(File, R))
      return badInput(*Error);
    if (File == Opts.Files.front()) {
      Out.ToolVersion = R.ToolVersion;
      Shape = R.Shard;
      SpaceShape = R.SpaceShard;
    }
    if (R.ToolVersion != Out.ToolVersion)
      return badInput(fmt::format("{} was written by faultline {}, {} by {}: merge the shards "
                                  "of one check",
                                  File, R.ToolVersion, Opts.Files.front(), Out.ToolVersion));
    if (R.Shard.has_value() != Shape.has_value() ||
        (Shape && (R.Shard->Count != Shape->Count || R.Shard->Total != Shape->Total)))
      return badInput(fmt::format(
          "{} and {} are not shards of one check (their shard counts or scenario totals differ)",
          File, Opts.Files.front()));
    if (R.SpaceShard.has_value() != SpaceShape.has_value() ||
        (SpaceShape && R.SpaceShard->Count != SpaceShape->Count))
      return badInput(fmt::format("{} and {} are not space shards of one check (their "
                                  "--space-shard counts differ)",
                                  File, Opts.Files.front()));
    std::pair<unsigned, unsigned> Key{Shape ? R.Shard->Index : 0,
                                      SpaceShape ? R.SpaceShard->Index : 0};
    if ((Shape || SpaceShape) && !ShardFile.emplace(Key, File).second)
      return badInput(fmt::format("{}{} is given twice: {} and {}",
                                  Shape ? fmt::format("shard {}/{}", Key.first, Shape->Count)
                                        : "",
                                  SpaceShape ? fmt::format("{}space shard {}/{}",
                                                           Shape ? ", " : "", Key.second,
                                                           SpaceShape->Count)
                                             : "",
                                  ShardFile[Key], File));
    for (report::ScenarioSummary &S : R.Scenarios) {
      auto [It, New] = FileOf.emplace(std::make_pair(S.Name, Key.second), File);
      if (!New)
        return badInput(fmt::format("scenario '{}' is in both {} and {}", S.Name, It->second,
                                    File));
      Out.Scenarios.push_back(std::move(S));
    }
    for (report::Finding &F : R.Findings)
      Out.Findings.push_back(std::move(F));
  }
  unsigned Shards = Shape ? Shape->Count : 1, SpaceShards = SpaceShape ? SpaceShape->Count : 1;
  for (unsigned I = 0; (Shape || SpaceShape) && I < Shards; ++I)
    for (unsigned J = 0; J < SpaceShards; ++J)
      if (!ShardFile.count({I, J}))
        return badInput(fmt::format(
            "{}{} is missing: merge needs the reports of all {}",
            Shape ? fmt::format("shard {}/{}", I, Shards) : "",
            SpaceShape ? fmt::format("{}space shard {}/{}", Shape ? ", " : "", J, SpaceShards)
                       : "",
            Shape && SpaceShape ? fmt::format("{} times {} shards", Shards, SpaceShards)
                                : fmt::format("{} shards", Shards * SpaceShards)));
  if (SpaceShape) {
    // One summary per scenario: its space shards' joined.
    std::map<std::string, std::vector<report::ScenarioSummary>> Parts;
    for (report::ScenarioSummary &S : Out.Scenarios)
      Parts[S.Name].push_back(std::move(S));
    Out.Scenarios.clear();
    std::vector<report::Finding> Joined;
    for (auto &[Name, Of] : Parts) {
      if (Of.size() != SpaceShards)
        return badInput(fmt::format("scenario '{}' is in {} of the {} space shards' reports",
                                    Name, Of.size(), SpaceShards));
      std::sort(Of.begin(), Of.end(),
                [](const report::ScenarioSummary &A, const report::ScenarioSummary &B) {
                  return A.Space->Index < B.Space->Index;
                });
      std::vector<report::Finding> Findings;
      for (report::Finding &F : Out.Findings)
        if (F.Scenario == Name)
          Findings.push_back(std::move(F));
      Out.Scenarios.push_back(joinSpaceShards(Of, Findings));
      for (report::Finding &F : Findings)
        Joined.push_back(std::move(F));
    }
    Out.Findings = std::move(Joined);
  }
  if (Shape && Out.Scenarios.size() != Shape->Total)
    return badInput(fmt::format("the shards have {} scenarios, but the check had {}",
                                Out.Scenarios.size(), Shape->Total));
  // By name, as the shards were cut; each scenario's findings in the order
  // its shard reported them.
  std::stable_sort(Out.Scenarios.begin(), Out.Scenarios.end(),
                   [](const report::ScenarioSummary &A, const report::ScenarioSummary &B) {
                     return A.Name < B.Name;
                   });
  std::stable_sort(Out.Findings.begin(), Out.Findings.end(),
                   [](const report::Finding &A, const report::Finding &B) {
                     return A.Scenario < B.Scenario;
                   });
  bool Found = !Out.Findings.empty();
  if (Opts.Format == report::ReportFormat::Text) {
    std::string Text;
    for (const report::Finding &F : Out.Findings)
      Text += fmt::format("{}:{}:{}: warning: invariant '{}' is violated in scenario '{}' under: "
                          "{} [faultline]\n",
                          F.InvariantLoc.File, F.InvariantLoc.Line, F.InvariantLoc.Column,
                          F.Invariant, F.Scenario, F.Faults);
    for (const report::ScenarioSummary &S : Out.Scenarios)
      Text += fmt::format("scenario '{}': {}{}\n", S.Name, S.Detail,
                          S.Cached ? " [cached verdict, not searched]" : "");
    if (Opts.Output.empty() || Opts.Output == "-") {
      llvm::outs() << Text;
    } else {
      std::error_code EC;
      llvm::raw_fd_ostream OS(Opts.Output, EC, llvm::sys::fs::OF_Text);
      if (EC)
        return badInput("cannot write " + Opts.Output + ": " + EC.message());
      OS << Text;
    }
  } else {
    Out.SourceRoot = sourceRoot();
    if (int Exit = writeStructured(Opts.Output, Out, Opts.Format))
      return Exit;
  }
  llvm::errs() << fmt::format("faultline: merged {} report{}: {} scenario{}, {} with a "
                              "counterexample\n",
                              Opts.Files.size(), Opts.Files.size() == 1 ? "" : "s",
                              Out.Scenarios.size(), Out.Scenarios.size() == 1 ? "" : "s",
                              [&] {
                                std::set<std::string> With;
                                for (const report::Finding &F : Out.Findings)
                                  With.insert(F.Scenario);
                                return With.size();
                              }());
  return Found ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
