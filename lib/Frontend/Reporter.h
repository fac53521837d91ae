//===- Reporter.h - Frontend diagnostics through clang ----------*- C++ -*-===//
//
// Private to the frontend. Problems in the user's C++ are reported through
// the translation unit's clang::DiagnosticsEngine, so they print exactly as
// compiler diagnostics do (file:line:col, source line, caret) and count as
// errors of the compilation.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_REPORTER_H
#define FAULTLINE_LIB_FRONTEND_REPORTER_H

#include "clang/Basic/Diagnostic.h"

#include <string>

namespace faultline::frontend {

class Reporter {
public:
  explicit Reporter(clang::DiagnosticsEngine &D) : D(D) {}

  void error(clang::SourceLocation L, const std::string &Message) {
    report(clang::DiagnosticsEngine::Error, L, Message);
  }
  void note(clang::SourceLocation L, const std::string &Message) {
    report(clang::DiagnosticsEngine::Note, L, Message);
  }
  /// "<construct> is outside what faultline can model; <what to do>".
  void unsupported(clang::SourceLocation L, const std::string &Construct,
                   const std::string &Advice) {
    error(L, Construct + " is outside what faultline can model; " + Advice);
  }
  bool hasErrors() const { return D.hasErrorOccurred(); }

private:
  void report(clang::DiagnosticsEngine::Level Level, clang::SourceLocation L,
              const std::string &Message) {
    unsigned ID = D.getCustomDiagID(Level, "%0");
    D.Report(L, ID) << Message;
  }
  clang::DiagnosticsEngine &D;
};

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_REPORTER_H
