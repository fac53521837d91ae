//===- faultline/IR/Printer.h - Writing programs as .ded text ---*- C++ -*-===//

#ifndef FAULTLINE_IR_PRINTER_H
#define FAULTLINE_IR_PRINTER_H

#include "faultline/IR/AST.h"

#include <string>

namespace faultline::ir {

struct PrintOptions {
  /// Precede each rule and fact with a `// file:line:col` comment (and its
  /// Origin text, if any).
  bool WithLocations = false;
};

/// Prints P so that parsing the text gives back the same program
/// (sameProgram), whatever the includes it was loaded from.
std::string printProgram(const Program &P, const PrintOptions &Opts = {});
std::string printRule(const Rule &R);
std::string printTerm(const Term &T);
std::string printAtom(const Atom &A);

} // namespace faultline::ir

#endif // FAULTLINE_IR_PRINTER_H
