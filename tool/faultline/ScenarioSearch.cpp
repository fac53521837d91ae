//===- ScenarioSearch.cpp - The LDFI search of one extracted scenario -----===//

#include "ScenarioSearch.h"

#include "Commands.h"

#include "faultline/Report/SearchReport.h"

#include "llvm/ADT/STLExtras.h"
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
  SO.Symmetry = S.Symmetry;
  SO.MaxRuns = S.MaxRuns;
  SO.TimeoutSeconds = S.TimeoutSeconds;
  SO.Limits = S.Limits;
  Out.R = search::search(*Out.Ev, Out.B, SO, Internal);
  if (Out.R.Failed)
    return ExitBadInput;
  return std::nullopt;
}

/// Whether the program has pre rules for an invariant: one whose condition
/// is always true lowers to none.
static bool hasPreRules(const ir::Program &P, const std::string &Invariant) {
  return llvm::is_contained(search::invariantNames(P), Invariant);
}

void SearchedScenario::warnVacuous(ir::DiagnosticEngine &D) const {
  const std::string &Name = Model->DisplayName;
  if (Model->Invariants.empty())
    D.warning(Model->Scenario.Loc,
              "scenario '" + Name + "' reaches no FL_INVARIANT (none reads the state of its "
              "roles): nothing can be violated, so 'certified' would mean nothing");
  for (const frontend::Declaration &I : Model->Invariants)
    if (!hasPreRules(Program, I.Name))
      D.warning(I.Loc, "invariant '" + I.Name + "' can never fail (its condition is always "
                       "true), so 'certified' means nothing for it in scenario '" + Name + "'");
  if (!search::invariantNames(Program).empty())
    for (const search::VacuityWarning &W :
         search::vacuityWarnings(Program, B, /*NodesFromUser=*/false))
      D.warning(W.Loc, "scenario '" + Name + "': " + W.Message);
}

std::string SearchedScenario::stats() const {
  // Counted over the declared invariants, those that cannot fail too.
  unsigned WithPre = 0;
  for (const frontend::Declaration &I : Model->Invariants)
    WithPre += hasPreRules(Program, I.Name) &&
               !llvm::is_contained(R.InvariantsWithoutPre, I.Name);
  return fmt::format("{} run{}, {:.3f} s, fault space {} scenarios, invariants with a pre: {} "
                     "of {}",
                     R.Runs, R.Runs == 1 ? "" : "s", R.Seconds,
                     report::formatCount(R.SpaceSize), WithPre, Model->Invariants.size());
}

std::string SearchedScenario::verdictText() const {
  switch (R.V) {
  case search::Verdict::Counterexample:
    if (reported().empty())
      return fmt::format("counterexample suppressed by NOLINT(faultline) at the invariant ({})",
                         stats());
    return fmt::format("counterexample ({})", stats());
  case search::Verdict::Certified:
    if (R.Invariants.empty())
      return fmt::format("certified vacuously: no invariant of it can fail ({})", stats());
    if (!R.InvariantsWithoutPre.empty())
      return fmt::format("certified for the outcomes seen for EOT {}, EFF {}, {} crash{}; {} ({})",
                         B.EOT, B.EFF, B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es",
                         report::withoutPreText(R), stats());
    return fmt::format("certified for EOT {}, EFF {}, {} crash{} ({})", B.EOT, B.EFF,
                       B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es", stats());
  case search::Verdict::Inconclusive:
    return fmt::format("inconclusive, {} ({})", R.StopReason, stats());
  }
  return "";
}

} // namespace faultline::tool
