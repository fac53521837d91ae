//===- LoadProgram.cpp - Reading and checking the input program -----------===//

#include "Commands.h"

#include "faultline/IR/Parser.h"

namespace faultline::tool {

std::unique_ptr<LoadedProgram> loadAndCheck(const std::vector<std::string> &Files, bool Strict,
                                            ir::DiagnosticEngine &Diags) {
  auto L = std::make_unique<LoadedProgram>();
  Diags.setProgram(&L->Program);
  Diags.setWarningsAsErrors(Strict);
  bool Ok = ir::loadProgram(Files, L->Program, Diags) && ir::validateProgram(L->Program, Diags);
  if (Ok) {
    L->Strata = ir::stratify(L->Program, Diags);
    Ok = !Diags.hasErrors();
  }
  if (!Ok) {
    // The program dies here; later diagnostics must not read its files.
    Diags.setProgram(nullptr);
    return nullptr;
  }
  return L;
}

} // namespace faultline::tool
