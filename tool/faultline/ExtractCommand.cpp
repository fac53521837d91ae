//===- ExtractCommand.cpp - faultline extract -----------------------------===//
//
// Prints the model the frontend extracts from annotated C++, one scenario at
// a time, with each rule's C++ location as a comment. The output is a
// complete .ded program: `faultline run`/`ldfi` read it back.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/Frontend/Frontend.h"
#include "faultline/Frontend/Simulation.h"
#include "faultline/IR/Printer.h"
#include "faultline/Report/ScheduleReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::tool {

std::optional<std::vector<frontend::ExtractedModel>> extractModels(const SourceOptions &Opts) {
  std::optional<std::vector<frontend::ExtractedModel>> Models;
  const frontend::ExtractOptions &F = Opts.Frontend;
  if (!Opts.FromObjects.empty()) {
    if (!F.Files.empty() || !F.BuildPath.empty() || F.FixedArgs) {
      llvm::errs() << "faultline: error: --from-objects reads no sources: drop the files, -p "
                      "and '--'\n";
      return std::nullopt;
    }
    Models = frontend::extractFromObjects(Opts.FromObjects, llvm::errs());
  } else {
    Models = frontend::extract(F, llvm::errs());
  }
  if (!Models)
    return std::nullopt;
  if (!Opts.Scenario.empty()) {
    // A scenario is named as written, or qualified where two programs
    // have one of the same name.
    llvm::erase_if(*Models, [&](const frontend::ExtractedModel &M) {
      return M.Scenario.Name != Opts.Scenario && M.Scenario.QualifiedName != Opts.Scenario &&
             M.DisplayName != Opts.Scenario;
    });
    if (Models->empty()) {
      llvm::errs() << "faultline: error: no scenario named '" << Opts.Scenario << "'\n";
      return std::nullopt;
    }
  }
  return Models;
}

/// `--emit=simulation`: the simulator's set-up for the protocol of the
/// files, as C++ (faultline_add_simulation() compiles it in). It reads the
/// declarations, not a scenario's model, so the options that pick a model
/// do not apply.
static int emitSimulation(const ExtractOptions &Opts) {
  const char *Conflict = Opts.Fingerprints          ? "--fingerprints"
                         : !Opts.FromObjects.empty() ? "--from-objects"
                         : !Opts.Scenario.empty()    ? "--scenario"
                         : !Opts.Frontend.FilesRegex.empty() ? "--files"
                                                             : nullptr;
  if (Conflict) {
    llvm::errs() << "faultline: error: --emit=simulation reads the protocol's declarations "
                    "from its source files: drop "
                 << Conflict << "\n";
    return ExitBadInput;
  }
  std::string Text;
  llvm::raw_string_ostream Buffer(Text);
  if (!frontend::emitSimulation(Opts.Frontend, Buffer, llvm::errs()))
    return ExitBadInput;
  // Written only once complete, so that a failed build step leaves no
  // output that looks up to date; an unchanged file is not touched, so that
  // the build (restat) compiles nothing again when only faultline changed.
  std::string Output = Opts.Output.empty() ? "-" : Opts.Output;
  if (Output != "-")
    if (auto Old = llvm::MemoryBuffer::getFile(Output); Old && (*Old)->getBuffer() == Text)
      return ExitOk;
  if (llvm::Error E = llvm::writeToOutput(Output, [&](llvm::raw_ostream &OS) {
        OS << Text;
        return llvm::Error::success();
      })) {
    llvm::errs() << "faultline: error: cannot write " << Output << ": "
                 << llvm::toString(std::move(E)) << "\n";
    return ExitBadInput;
  }
  return ExitOk;
}

int extractCommand(const ExtractOptions &Opts) {
  if (Opts.Emit != "model" && Opts.Emit != "simulation") {
    llvm::errs() << "faultline: error: --emit=" << Opts.Emit
                 << ": expected 'model' or 'simulation'\n";
    return ExitBadInput;
  }
  if (Opts.Emit == "simulation")
    return emitSimulation(Opts);
  auto Models = extractModels(Opts);
  if (!Models)
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
  if (Opts.Fingerprints) {
    // What a replay binary embeds to refuse the schedules of another
    // version of the protocol: one "scenario fingerprint" line each.
    for (const frontend::ExtractedModel &M : *Models)
      OS << M.Scenario.Name << " " << report::modelFingerprint(M.program()) << "\n";
    return ExitOk;
  }
  ir::PrintOptions PO;
  PO.WithLocations = true;
  for (const frontend::ExtractedModel &M : *Models) {
    const frontend::ScenarioModel &S = M.Scenario;
    OS << fmt::format("// faultline extract: scenario '{}'\n// run with: --eot {} --eff {} "
                      "--crashes {}{}{} --nodes {}\n",
                      M.DisplayName, S.EOT, S.EFF, S.Crashes,
                      S.Restarts > 0 ? fmt::format(" --restarts {}", S.Restarts) : "",
                      S.TimerSlack > 0 ? fmt::format(" --timer-slack {}", S.TimerSlack) : "",
                      fmt::join(S.Nodes, ","));
    OS << ir::printProgram(M.program(), PO);
    if (Models->size() > 1 && Opts.Scenario.empty()) {
      OS << "// (more scenarios: pick one with --scenario NAME)\n";
      break;
    }
  }
  return ExitOk;
}

} // namespace faultline::tool
