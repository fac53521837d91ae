//===- faultline/Frontend/TranslationUnit.h - One parsed TU -----*- C++ -*-===//
//
// The frontend's work on one parsed translation unit: find the annotated
// declarations and lower them to a Fragment. The tool calls it from its
// LibTooling actions, the clang plugin from inside the compiler.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FRONTEND_TRANSLATIONUNIT_H
#define FAULTLINE_FRONTEND_TRANSLATIONUNIT_H

#include "faultline/Frontend/Fragment.h"

#include <chrono>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
}

namespace faultline::frontend {

/// How problems in the annotated code are reported.
struct ProblemOptions {
  /// Warnings (the plugin) instead of errors (the tool).
  bool AsWarnings = false;
  /// With AsWarnings: -Werror is on and -Wno-error=faultline is not.
  bool WarningsAsErrors = false;
  /// With AsWarnings: NOLINT(faultline) comments silence them.
  bool HonourNolint = false;
};

/// `--timeout`: when the extraction must stop, and the seconds the user
/// gave (for the message).
struct ExtractionDeadline {
  using Clock = std::chrono::steady_clock;
  Clock::time_point At;
  double Seconds = 0;
};

/// What the user tells the lowering besides the annotations.
struct ModelOptions {
  /// Calls to functions whose qualified name matches this regular
  /// expression (llvm::Regex, matched anywhere in the name) have no effect
  /// on the model, as FL_IGNORE functions' (`--ignore-calls`). Empty: none.
  std::string IgnoreCalls;
  /// How many iterations of a while, do-while or plain for loop the
  /// lowering unrolls (`--loop-bound`); a run that needs more stops with
  /// an error at the loop.
  unsigned LoopBound = 8;
  /// Where the lowering stops, reporting where it was, if it is still
  /// running. Not part of a cached extraction's key: a TU that reaches it
  /// has a problem, and a TU with problems is not stored.
  std::optional<ExtractionDeadline> Deadline;
};

/// The annotated declarations of the TU in Ctx, lowered. Problems are
/// reported through Ctx's diagnostics and counted in Fragment::Problems.
Fragment extractTranslationUnit(clang::ASTContext &Ctx, const ProblemOptions &Opts,
                                const ModelOptions &Model = ModelOptions());

} // namespace faultline::frontend

#endif // FAULTLINE_FRONTEND_TRANSLATIONUNIT_H
