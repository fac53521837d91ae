//===- ExtractCommand.cpp - faultline extract -----------------------------===//
//
// Prints the model the frontend extracts from annotated C++, one scenario at
// a time, with each rule's C++ location as a comment. The output is a
// complete .ded program: `faultline run`/`ldfi` read it back.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/Frontend/Frontend.h"
#include "faultline/IR/Printer.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::tool {

std::optional<frontend::ExtractedModel> extractModel(const SourceOptions &Opts) {
  frontend::ExtractOptions EO;
  EO.BuildPath = Opts.BuildPath;
  EO.Files = Opts.Files;
  EO.ExtraArgs = Opts.ExtraArgs;
  EO.FixedArgs = Opts.FixedArgs;
  auto Model = frontend::extract(EO, llvm::errs());
  if (!Model)
    return std::nullopt;
  if (!Opts.Scenario.empty()) {
    auto &S = Model->Scenarios;
    S.erase(std::remove_if(S.begin(), S.end(),
                           [&](const frontend::ScenarioModel &M) { return M.Name != Opts.Scenario; }),
            S.end());
    if (S.empty()) {
      llvm::errs() << "faultline: error: no scenario named '" << Opts.Scenario << "'\n";
      return std::nullopt;
    }
  }
  return Model;
}

int extractCommand(const ExtractOptions &Opts) {
  auto Model = extractModel(Opts);
  if (!Model)
    return ExitBadInput;
  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!Opts.Output.empty() && Opts.Output != "-") {
    File = std::make_unique<llvm::raw_fd_ostream>(Opts.Output, EC, llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "faultline: error: cannot write " << Opts.Output << ": " << EC.message()
                   << "\n";
      return ExitBadInput;
    }
  }
  llvm::raw_ostream &OS = File ? *File : llvm::outs();
  ir::PrintOptions PO;
  PO.WithLocations = true;
  for (const frontend::ScenarioModel &S : Model->Scenarios) {
    OS << fmt::format("// faultline extract: scenario '{}'\n// run with: --eot {} --eff {} "
                      "--crashes {} --nodes {}\n",
                      S.Name, S.EOT, S.EFF, S.Crashes, fmt::join(S.Nodes, ","));
    OS << ir::printProgram(Model->programFor(S), PO);
    if (Model->Scenarios.size() > 1 && Opts.Scenario.empty()) {
      OS << "// (more scenarios: pick one with --scenario NAME)\n";
      break;
    }
  }
  return ExitOk;
}

} // namespace faultline::tool
