//===- VerdictStore.cpp - Stored searches, keyed by model -----------------===//

#include "VerdictStore.h"

#include "faultline/Frontend/Frontend.h"
#include "faultline/IR/Printer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <fmt/format.h>

namespace faultline::tool {

std::string modelText(const frontend::ExtractedModel &M, const SearchSettings &S,
                      const PathMapper *WithLocations) {
  ir::Program P = M.program();
  ir::PrintOptions PO;
  if (WithLocations) {
    PO.WithLocations = true;
    for (std::string &File : P.Files)
      if (!File.empty())
        File = (*WithLocations)(File);
  }
  const frontend::ScenarioModel &Sc = M.Scenario;
  std::string Text = fmt::format(
      "scenario {}\neot {} eff {} crashes {} nodes {}\nnegative-support {} max-runs {} "
      "timeout {}\n",
      M.DisplayName, S.EOT.value_or(Sc.EOT), S.EFF.value_or(Sc.EFF),
      S.Crashes.value_or(Sc.Crashes), fmt::join(Sc.Nodes, ","), S.NegativeSupport, S.MaxRuns,
      S.TimeoutSeconds);
  for (const auto &[Message, H] : M.Handlers)
    Text += fmt::format("handler {} {}{}\n", Message, H.Name, H.Suppressed ? " nolint" : "");
  for (const frontend::Declaration &I : M.Invariants)
    Text += fmt::format("invariant {}{}\n", I.Name, I.Suppressed ? " nolint" : "");
  if (WithLocations) {
    auto Loc = [&](ir::SourceLoc L) {
      return L.isValid() && L.FileID < P.Files.size()
                 ? fmt::format("{}:{}:{}", P.Files[L.FileID], L.Line, L.Col)
                 : std::string();
    };
    Text += "at " + Loc(Sc.Loc) + "\n";
    for (const auto &[Message, H] : M.Handlers)
      Text += H.Name + " at " + Loc(H.Loc) + "\n";
    for (const frontend::Declaration &I : M.Invariants)
      Text += I.Name + " at " + Loc(I.Loc) + "\n";
  }
  return Text + ir::printProgram(P, PO);
}

std::string VerdictStore::pathOf(const std::string &ModelText) const {
  std::string Key = std::string(frontend::Version) + "\n" + ModelText;
  return Dir + "/" + llvm::utohexstr(llvm::xxh3_64bits(Key), /*LowerCase=*/true, 16) + ".json";
}

std::optional<StoredVerdict> VerdictStore::lookup(const std::string &ModelText) const {
  auto Buffer = llvm::MemoryBuffer::getFile(pathOf(ModelText));
  if (!Buffer)
    return std::nullopt;
  auto V = llvm::json::parse((*Buffer)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  StoredVerdict Out;
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper O(*V, Root);
  std::string Stored;
  // The model itself is stored too: a hash collision is a miss, not a wrong verdict.
  if (!O || !O.map("model", Stored) || Stored != ModelText || !O.map("verdict", Out.Verdict) ||
      !O.map("detail", Out.Detail) || !O.map("findings", Out.Findings)) {
    llvm::consumeError(Root.getError());
    return std::nullopt;
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
  llvm::consumeError(llvm::writeToOutput(pathOf(ModelText), [&](llvm::raw_ostream &OS) {
    OS << llvm::json::Value(std::move(O));
    return llvm::Error::success();
  }));
}

} // namespace faultline::tool
