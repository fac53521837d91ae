//===- faultline/IR/Diagnostics.h - clang-style diagnostics -----*- C++ -*-===//
//
// Every stage reports problems through a DiagnosticEngine, which prints them
// the way clang does (`file:line:col: error: message`, the source line, a
// caret) so that editors and CI logs understand them.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_IR_DIAGNOSTICS_H
#define FAULTLINE_IR_DIAGNOSTICS_H

#include "faultline/IR/AST.h"

#include <map>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::ir {

enum class Severity { Note, Warning, Error };

class DiagnosticEngine {
public:
  /// Diagnostics print to OS. Locations resolve through the program's file
  /// table, which the engine reads at print time.
  explicit DiagnosticEngine(llvm::raw_ostream &OS) : OS(OS) {}

  void setProgram(const Program *P) { Prog = P; }
  /// Keeps a file's text so diagnostics can show the offending line.
  void addSourceText(unsigned FileID, std::string Text);
  /// Treat warnings as errors (`--strict`).
  void setWarningsAsErrors(bool B) { WarningsAsErrors = B; }

  void report(Severity S, SourceLoc L, const std::string &Message);
  void error(SourceLoc L, const std::string &M) { report(Severity::Error, L, M); }
  void warning(SourceLoc L, const std::string &M) { report(Severity::Warning, L, M); }
  void note(SourceLoc L, const std::string &M) { report(Severity::Note, L, M); }
  /// An error with no location (bad options, unreadable files).
  void error(const std::string &M) { report(Severity::Error, SourceLoc(), M); }

  unsigned errorCount() const { return Errors; }
  unsigned warningCount() const { return Warnings; }
  bool hasErrors() const { return Errors != 0; }

private:
  llvm::raw_ostream &OS;
  const Program *Prog = nullptr;
  std::map<unsigned, std::string> Texts;
  /// Offsets of the start of each line of Texts[FileID], for quick lookup.
  std::map<unsigned, std::vector<size_t>> LineStarts;
  bool WarningsAsErrors = false;
  unsigned Errors = 0;
  unsigned Warnings = 0;
};

} // namespace faultline::ir

#endif // FAULTLINE_IR_DIAGNOSTICS_H
