//===- LdfiCommand.cpp - faultline ldfi: the search -----------------------===//

#include "Commands.h"
#include "SearchProgress.h"

#include "faultline/Eval/Evaluator.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Search/Search.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::tool {

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
  auto Progress = std::make_unique<SearchProgress>(Opts.Progress,
                                                   shapeOf(Opts.Bounds, SO, Ev.hasTimers()));
  SO.OnProgress = [&Progress](const search::Progress &P) { Progress->update(P); };

  search::SearchResult Result = search::search(Ev, Opts.Bounds, SO, Diags);
  Progress.reset(); // its line is gone before the report
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
