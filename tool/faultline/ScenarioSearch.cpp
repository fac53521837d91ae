//===- ScenarioSearch.cpp - The LDFI search of one extracted scenario -----===//

#include "ScenarioSearch.h"

#include "Commands.h"

#include "faultline/Report/SearchReport.h"

#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::tool {

std::optional<int> searchScenario(const frontend::ExtractedModel &Model, const SearchSettings &S,
                                  SearchedScenario &Out) {
  const frontend::ScenarioModel &Sc = Model.Scenario;
  const std::string &Name = Model.DisplayName;
  Out.Model = &Model;
  Out.Program = Model.program();
  ir::DiagnosticEngine Internal(llvm::errs());
  Internal.setProgram(&Out.Program);
  if (!ir::validateProgram(Out.Program, Internal)) {
    llvm::errs() << "faultline: internal error: the model extracted for scenario '" << Name
                 << "' is invalid (a frontend bug; please report it)\n";
    return ExitInternal;
  }
  Out.Strata = ir::stratify(Out.Program, Internal);
  Out.B.EOT = S.EOT.value_or(Sc.EOT);
  Out.B.EFF = S.EFF.value_or(Sc.EFF);
  Out.B.MaxCrashes = S.Crashes.value_or(Sc.Crashes);
  Out.B.Nodes = Sc.Nodes;
  if (auto Problem = eval::checkScenario(Out.B, eval::FaultSet())) {
    llvm::errs() << "faultline: error: scenario '" << Name << "': " << *Problem << "\n";
    return ExitBadInput;
  }
  Out.Ev = std::make_unique<eval::Evaluator>(Out.Program, Out.Strata);
  search::SearchOptions SO;
  SO.NegativeSupport = S.NegativeSupport;
  SO.MaxRuns = S.MaxRuns;
  SO.TimeoutSeconds = S.TimeoutSeconds;
  SO.Limits = S.Limits;
  Out.R = search::search(*Out.Ev, Out.B, SO, Internal);
  if (Out.R.Failed)
    return ExitBadInput;
  return std::nullopt;
}

std::string SearchedScenario::stats() const {
  return fmt::format("{} run{}, {:.3f} s, fault space {} scenarios", R.Runs,
                     R.Runs == 1 ? "" : "s", R.Seconds, report::formatCount(R.SpaceSize));
}

std::string SearchedScenario::verdictText() const {
  switch (R.V) {
  case search::Verdict::Counterexample:
    if (reported().empty())
      return fmt::format("counterexample suppressed by NOLINT(faultline) at the invariant ({})",
                         stats());
    return fmt::format("counterexample ({})", stats());
  case search::Verdict::Certified:
    return fmt::format("certified for EOT {}, EFF {}, {} crash{} ({})", B.EOT, B.EFF,
                       B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es", stats());
  case search::Verdict::Inconclusive:
    return fmt::format("inconclusive, {} ({})", R.StopReason, stats());
  }
  return "";
}

} // namespace faultline::tool
