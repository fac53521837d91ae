//===- PrintCommand.cpp - faultline print ---------------------------------===//
//
// Loads a program (with its includes), checks it, and prints it back as one
// self-contained .ded text.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "faultline/IR/Printer.h"

#include "llvm/Support/raw_ostream.h"

namespace faultline::tool {

int printCommand(const PrintOptions &Opts) {
  ir::DiagnosticEngine Diags(llvm::errs());
  auto Loaded = loadAndCheck(Opts.Files, Opts.Strict, Diags);
  if (!Loaded)
    return ExitBadInput;
  ir::PrintOptions P;
  P.WithLocations = Opts.WithLocations;
  llvm::outs() << ir::printProgram(Loaded->Program, P);
  return ExitOk;
}

} // namespace faultline::tool
