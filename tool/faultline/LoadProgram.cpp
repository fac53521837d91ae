//===- LoadProgram.cpp - Reading and checking the input program -----------===//

#include "Commands.h"

#include "faultline/IR/Parser.h"

namespace faultline::tool {

std::optional<LoadedProgram> loadAndCheck(const std::vector<std::string> &Files, bool Strict,
                                          ir::DiagnosticEngine &Diags) {
  LoadedProgram L;
  Diags.setProgram(&L.Program);
  Diags.setWarningsAsErrors(Strict);
  if (!ir::loadProgram(Files, L.Program, Diags) || !ir::validateProgram(L.Program, Diags))
    return std::nullopt;
  L.Strata = ir::stratify(L.Program, Diags);
  if (Diags.hasErrors())
    return std::nullopt;
  return L;
}

} // namespace faultline::tool
