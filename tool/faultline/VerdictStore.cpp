//===- VerdictStore.cpp - Stored searches, keyed by model -----------------===//

#include "VerdictStore.h"

#include "faultline/Frontend/Frontend.h"
#include "faultline/IR/JsonFile.h"
#include "faultline/IR/Printer.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <fmt/format.h>

#include <algorithm>

namespace faultline::tool {

std::string modelText(const frontend::ExtractedModel &M, const check::SearchSettings &S,
                      const check::PathMapper *WithLocations) {
  ir::Program P = M.program();
  ir::PrintOptions PO;
  if (WithLocations) {
    PO.WithLocations = true;
    for (std::string &File : P.Files)
      if (!File.empty())
        File = (*WithLocations)(File);
  }
  const frontend::ScenarioModel &Sc = M.Scenario;
  const search::SearchOptions &O = S.Options;
  std::string Text = fmt::format(
      "scenario {}\neot {} eff {} crashes {} restarts {} timer-slack {} nodes {}\n"
      "negative-support {} grounded {} symmetry {} portfolio {} max-runs {} timeout {}\n"
      "strategy {} seed {} find-all {}{}\n"
      "max-step-derivations {} max-tuples {} max-memory {}\n",
      M.DisplayName, S.EOT.value_or(Sc.EOT), S.EFF.value_or(Sc.EFF),
      S.Crashes.value_or(Sc.Crashes), S.Restarts.value_or(Sc.Restarts),
      S.TimerSlack.value_or(Sc.TimerSlack), fmt::join(Sc.Nodes, ","), O.NegativeSupport,
      O.GroundedNegativeSupport, O.Symmetry, O.Portfolio, O.MaxRuns, O.TimeoutSeconds,
      static_cast<int>(O.Strat), O.Seed, O.FindAll,
      O.SpaceShards > 1 ? fmt::format(" space-shard {}/{}", O.SpaceShard, O.SpaceShards) : "",
      O.Limits.MaxStepDerivations,
      O.Limits.MaxTuples, O.Limits.MaxMemory);
  // Sorted, as the clauses below: the order of a model's declarations
  // follows the order its fragments were linked in.
  std::vector<std::string> Declarations;
  auto Loc = [&](ir::SourceLoc L) {
    return WithLocations && L.isValid() && L.FileID < P.Files.size()
               ? fmt::format(" at {}:{}:{}", P.Files[L.FileID], L.Line, L.Col)
               : std::string();
  };
  for (const auto &[Message, H] : M.Handlers)
    Declarations.push_back(fmt::format("handler {} {}{}{}\n", Message, H.Name,
                                       H.Suppressed ? " nolint" : "", Loc(H.Loc)));
  for (const frontend::Declaration &I : M.Invariants)
    Declarations.push_back(
        fmt::format("invariant {}{}{}\n", I.Name, I.Suppressed ? " nolint" : "", Loc(I.Loc)));
  std::sort(Declarations.begin(), Declarations.end());
  Text += "scenario at" + Loc(Sc.Loc) + "\n";
  for (const std::string &D : Declarations)
    Text += D;
  // Clause by clause, sorted: link() may order the rules of a model
  // differently from one extraction to the next (the order the TUs'
  // fragments came in), which changes nothing the search sees.
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  std::string Printed = ir::printProgram(P, PO);
  llvm::StringRef(Printed).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Clauses;
  std::string Pending; // a clause's location comments
  for (llvm::StringRef Line : Lines) {
    Pending += Line.str() + "\n";
    if (!Line.ltrim().starts_with("//")) {
      Clauses.push_back(std::move(Pending));
      Pending.clear();
    }
  }
  std::sort(Clauses.begin(), Clauses.end());
  for (const std::string &C : Clauses)
    Text += C;
  return Text + Pending;
}

std::string contentsHash(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return "";
  return llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()), /*LowerCase=*/true, 16);
}

std::string VerdictStore::pathOf(const std::string &ModelText) const {
  // "checksummed": entries of the format before checksums are not read.
  std::string Key = std::string(frontend::Version) + "\nchecksummed\n" + ModelText;
  return Dir + "/" + llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16) + ".json";
}

std::optional<StoredVerdict> VerdictStore::lookup(const std::string &ModelText) const {
  std::string Path = pathOf(ModelText);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  // A damaged entry (its checksum does not match) is searched again.
  auto V = ir::parseChecksummedJSON((*Buffer)->getBuffer());
  if (!V) {
    llvm::errs() << "faultline: note: discarded the damaged stored verdict " << Path << " ("
                 << llvm::toString(V.takeError()) << ")\n";
    llvm::sys::fs::remove(Path);
    return std::nullopt;
  }
  StoredVerdict Out;
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper O(*V, Root);
  std::string Stored;
  // The model itself is stored too: a hash collision is a miss, not a wrong verdict.
  if (!O || !O.map("model", Stored) || Stored != ModelText || !O.map("verdict", Out.Verdict) ||
      !O.map("detail", Out.Detail) || !O.map("findings", Out.Findings) ||
      !O.mapOptional("space_shard", Out.Space)) {
    llvm::consumeError(Root.getError());
    return std::nullopt;
  }
  if (const llvm::json::Value *Output = V->getAsObject()->get("output")) {
    std::vector<std::vector<std::string>> Sources;
    llvm::json::ObjectMapper OO(*Output, Root);
    if (!OO || !OO.map("text", Out.Text) || !OO.map("verbose_text", Out.VerboseText) ||
        !OO.map("schedules", Out.Schedules) || !OO.map("sources", Sources)) {
      llvm::consumeError(Root.getError());
      return std::nullopt;
    }
    for (std::vector<std::string> &S : Sources) {
      if (S.size() != 2)
        return std::nullopt;
      Out.Sources.emplace_back(std::move(S[0]), std::move(S[1]));
    }
    Out.HasOutput = true;
  }
  return Out;
}

void VerdictStore::store(const std::string &ModelText, const StoredVerdict &V) const {
  if (llvm::sys::fs::create_directories(Dir))
    return;
  llvm::json::Array Findings;
  for (const report::Finding &F : V.Findings)
    Findings.push_back(report::toJSON(F));
  llvm::json::Object O{{"model", ModelText},
                       {"verdict", V.Verdict},
                       {"detail", V.Detail},
                       {"findings", std::move(Findings)}};
  if (V.Space)
    O["space_shard"] = report::toJSON(*V.Space);
  if (V.HasOutput) {
    llvm::json::Array Sources;
    for (const auto &[Path, Hash] : V.Sources)
      Sources.push_back(llvm::json::Array{Path, Hash});
    O["output"] = llvm::json::Object{{"text", V.Text},
                                     {"verbose_text", V.VerboseText},
                                     {"schedules", V.Schedules},
                                     {"sources", std::move(Sources)}};
  }
  llvm::consumeError(llvm::writeToOutput(pathOf(ModelText), [&](llvm::raw_ostream &OS) {
    OS << ir::checksummedJSON(llvm::json::Value(std::move(O)));
    return llvm::Error::success();
  }));
}

} // namespace faultline::tool
