//===- TranslationUnit.cpp - One parsed TU to a fragment ------------------===//

#include "faultline/Frontend/TranslationUnit.h"

#include "Collect.h"
#include "FragmentBuilder.h"
#include "Lowering.h"
#include "Reporter.h"
#include "Scenarios.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/Regex.h"

namespace faultline::frontend {

bool hasNolint(const clang::SourceManager &SM, clang::SourceLocation L) {
  if (L.isInvalid())
    return false;
  L = SM.getExpansionLoc(L);
  clang::FileID File = SM.getFileID(L);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return false;
  auto LineText = [&](unsigned Line) -> llvm::StringRef {
    if (Line == 0)
      return {};
    size_t Begin = SM.getFileOffset(SM.translateLineCol(File, Line, 1));
    return Buffer.slice(Begin, Buffer.find('\n', Begin));
  };
  unsigned Line = SM.getExpansionLineNumber(L);
  // NOLINT alone silences every check; NOLINT(a,b) the ones it names.
  static const llvm::Regex Same("NOLINT(\\(([^)]*)\\))?([^A-Z]|$)");
  static const llvm::Regex Next("NOLINTNEXTLINE(\\(([^)]*)\\))?");
  auto Names = [](const llvm::Regex &R, llvm::StringRef Text) {
    llvm::SmallVector<llvm::StringRef, 4> M;
    if (!R.match(Text, &M))
      return false;
    return M[1].empty() || M[2].contains("faultline") || M[2].trim() == "*";
  };
  return Names(Same, LineText(Line)) || Names(Next, LineText(Line - 1));
}

void Reporter::error(clang::SourceLocation L, const std::string &Message) {
  ++Problems;
  Silenced = Opts.AsWarnings && Opts.HonourNolint && hasNolint(D.getSourceManager(), L);
  std::string Text = Opts.AsWarnings ? Message + " [-Wfaultline]" : Message;
  Records.push_back({L, Text, Silenced});
  if (Silenced)
    return;
  auto Level = !Opts.AsWarnings || Opts.WarningsAsErrors ? clang::DiagnosticsEngine::Error
                                                         : clang::DiagnosticsEngine::Warning;
  D.Report(L, D.getCustomDiagID(Level, "%0")) << Text;
}

void Reporter::note(clang::SourceLocation L, const std::string &Message) {
  if (!Silenced)
    D.Report(L, D.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0")) << Message;
}

Fragment extractTranslationUnit(clang::ASTContext &Ctx, const ProblemOptions &Opts,
                                const ModelOptions &Model) {
  Reporter R(Ctx.getDiagnostics(), Opts);
  FragmentBuilder B(Ctx.getSourceManager());
  Protocol P = collect(Ctx, R);
  // The tool and the plugin check the expression when they read it.
  if (!Model.IgnoreCalls.empty())
    P.IgnoreCalls = std::make_shared<const llvm::Regex>(Model.IgnoreCalls);
  P.LoopBound = Model.LoopBound;
  Deadline Time(Model.Deadline);
  lowerProtocol(P, Ctx, R, B, Time);
  lowerScenarios(P, Ctx, R, B);
  std::vector<ReportedProblem> Reported;
  for (const Reporter::Record &Rec : R.records())
    Reported.push_back({B.loc(Rec.Loc), Rec.Message, Rec.Silenced});
  Fragment F = B.take();
  F.Problems = R.problems();
  F.Reported = std::move(Reported);
  return F;
}

} // namespace faultline::frontend
