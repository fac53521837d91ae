//===- LdfiCommand.cpp - faultline ldfi: the search -----------------------===//

#include "Commands.h"

#include "faultline/Eval/Evaluator.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Search/Search.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::tool {

/// A one-line progress report on stderr, redrawn at most ten times a
/// second, and only when stderr is a terminal.
class ProgressLine {
public:
  ProgressLine() : Enabled(llvm::errs().is_displayed()) {}
  ~ProgressLine() {
    if (Drawn)
      llvm::errs() << "\r\033[K";
  }
  void update(const search::Progress &P) {
    if (!Enabled || P.Seconds - Last < 0.1)
      return;
    Last = P.Seconds;
    Drawn = true;
    llvm::errs() << fmt::format("\r\033[Kfaultline: {} runs, {} counterexamples, {:.1f} s", P.Runs,
                                P.Counterexamples, P.Seconds);
    llvm::errs().flush();
  }

private:
  bool Enabled;
  bool Drawn = false;
  double Last = 0;
};

int ldfiCommand(const LdfiOptions &Opts) {
  ir::DiagnosticEngine Diags(llvm::errs());
  if (auto Problem = checkFaults(Opts.Bounds, FaultSet())) {
    Diags.error(*Problem);
    return ExitBadInput;
  }
  if (Opts.Search.TimeoutSeconds < 0) {
    Diags.error("--timeout cannot be negative");
    return ExitBadInput;
  }
  auto Loaded = loadAndCheck(Opts.Files, Opts.Strict, Diags);
  if (!Loaded)
    return ExitBadInput;

  // Reasons a certificate would mean nothing, said before the search.
  for (const search::VacuityWarning &W :
       search::vacuityWarnings(Loaded->Program, Opts.Bounds, /*NodesFromUser=*/true))
    Diags.warning(W.Loc, W.Message);
  if (Diags.hasErrors()) // --strict
    return ExitBadInput;

  eval::Evaluator Ev(Loaded->Program, Loaded->Strata);
  search::SearchOptions SO = Opts.Search;
  ProgressLine Progress;
  SO.OnProgress = [&Progress](const search::Progress &P) { Progress.update(P); };

  search::SearchResult Result = search::search(Ev, Opts.Bounds, SO, Diags);
  if (Result.Failed || Diags.hasErrors())
    return ExitBadInput;
  if (Opts.Format == OutputFormat::Html) {
    report::HtmlReport Page("faultline ldfi");
    report::ScenarioReport S;
    S.Name = Opts.Files.empty() ? "" : llvm::join(Opts.Files, " ");
    S.Ev = &Ev;
    S.Bounds = Opts.Bounds;
    S.Strat = SO.Strat;
    S.Result = &Result;
    Page.addScenario(S);
    if (!writeHtml(Page, Opts.Output))
      return ExitBadInput;
  } else if (Opts.Format == OutputFormat::JSON)
    llvm::outs() << llvm::formatv(
                        "{0:2}", llvm::json::Value(report::searchToJSON(
                                     Result, Ev.symbols(), Opts.Bounds, SO.Strat)))
                 << "\n";
  else
    report::printSearchText(llvm::outs(), Result, Ev.symbols(), Opts.Bounds, SO.Strat,
                            {Opts.ShowRuns});
  return Result.V == search::Verdict::Counterexample ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
