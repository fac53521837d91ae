//===- MergeCommand.cpp - faultline merge: shards' reports as one ---------===//
//
// `check --shard I/N --format json` checks a share of the scenarios; merge
// reads the JSON reports of all N shards and writes the report of the whole
// check, in any of check's structured formats or as its verdict lines. It
// refuses an incomplete set: a shard missing or given twice, shards of
// different counts, checks or faultline versions, a scenario in two
// reports. Scenarios are listed by name, each with its findings.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/Report/Findings.h"
#include "faultline/Report/Writers.h"

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
  std::optional<std::map<std::string, int64_t>> Shard;
  if (!M.map("version", R.ToolVersion) || !M.map("scenarios", R.Scenarios) ||
      !M.map("findings", R.Findings) || !M.mapOptional("shard", Shard)) {
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
  return std::nullopt;
}

} // namespace

int mergeCommand(const MergeOptions &Opts) {
  if (Opts.Format == report::ReportFormat::Html)
    return badInput("merge writes text or check's structured formats, not html (the page needs "
                    "the runs: check --format html)");
  report::FindingsReport Out;
  std::map<std::string, std::string> FileOf; // scenario -> the report that has it
  std::map<unsigned, std::string> ShardFile;
  std::optional<report::FindingsReport::ShardInfo> Shape;
  for (const std::string &File : Opts.Files) {
    report::FindingsReport R;
    if (auto Error = readReport(File, R))
      return badInput(*Error);
    if (File == Opts.Files.front()) {
      Out.ToolVersion = R.ToolVersion;
      Shape = R.Shard;
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
    if (Shape && !ShardFile.emplace(R.Shard->Index, File).second)
      return badInput(fmt::format("shard {}/{} is given twice: {} and {}", R.Shard->Index,
                                  Shape->Count, ShardFile[R.Shard->Index], File));
    for (report::ScenarioSummary &S : R.Scenarios) {
      auto [It, New] = FileOf.emplace(S.Name, File);
      if (!New)
        return badInput(fmt::format("scenario '{}' is in both {} and {}", S.Name, It->second,
                                    File));
      Out.Scenarios.push_back(std::move(S));
    }
    for (report::Finding &F : R.Findings)
      Out.Findings.push_back(std::move(F));
  }
  if (Shape) {
    for (unsigned I = 0; I < Shape->Count; ++I)
      if (!ShardFile.count(I))
        return badInput(fmt::format("shard {}/{} is missing: merge needs the reports of all {} "
                                    "shards",
                                    I, Shape->Count, Shape->Count));
    if (Out.Scenarios.size() != Shape->Total)
      return badInput(fmt::format("the shards have {} scenarios, but the check had {}",
                                  Out.Scenarios.size(), Shape->Total));
  }
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
