//===- Reporter.h - Frontend diagnostics through clang ----------*- C++ -*-===//
//
// Private to the frontend. Problems in the user's C++ are reported through
// the translation unit's clang::DiagnosticsEngine, so they print exactly as
// compiler diagnostics do (file:line:col, source line, caret). In the tool
// they are errors: the model would be wrong without the rejected code. In
// the clang plugin, riding along a normal build, they are warnings
// (`[-Wfaultline]`) that -Werror makes errors, and a NOLINT comment
// silences; the TU's extraction still lists them, and check refuses it,
// naming each.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_REPORTER_H
#define FAULTLINE_LIB_FRONTEND_REPORTER_H

#include "faultline/Frontend/TranslationUnit.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

#include <string>
#include <vector>

namespace faultline::frontend {

/// Whether the line of L says `NOLINT` or `NOLINT(faultline)` (or the line
/// before it `NOLINTNEXTLINE(...)`), as clang-tidy reads them.
bool hasNolint(const clang::SourceManager &SM, clang::SourceLocation L);

class Reporter {
public:
  Reporter(clang::DiagnosticsEngine &D, const ProblemOptions &Opts) : D(D), Opts(Opts) {}

  /// A problem with the annotated code: outside the subset, a bad
  /// annotation, a bad scenario.
  void error(clang::SourceLocation L, const std::string &Message);
  void note(clang::SourceLocation L, const std::string &Message);
  /// "<construct> is outside what faultline can model; <what to do>".
  void unsupported(clang::SourceLocation L, const std::string &Construct,
                   const std::string &Advice) {
    error(L, Construct + " is outside what faultline can model; " + Advice);
  }
  /// Problems reported so far, silenced ones included.
  unsigned problems() const { return Problems; }
  /// Each one: where, what, and whether a NOLINT silenced it.
  struct Record {
    clang::SourceLocation Loc;
    std::string Message;
    bool Silenced = false;
  };
  const std::vector<Record> &records() const { return Records; }

private:
  clang::DiagnosticsEngine &D;
  ProblemOptions Opts;
  unsigned Problems = 0;
  std::vector<Record> Records;
  /// The last problem was silenced: so are its notes.
  bool Silenced = false;
};

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_REPORTER_H
