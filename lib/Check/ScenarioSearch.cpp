//===- ScenarioSearch.cpp - The LDFI search of one extracted scenario -----===//

#include "faultline/Check/ScenarioSearch.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Report/RunReport.h"
#include "faultline/Report/SearchReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace faultline::check {

namespace {

/// The names of the invariants (and asserts) NOLINT(faultline) silences.
std::vector<std::string> silencedInvariants(const frontend::ExtractedModel &Model) {
  std::vector<std::string> Out;
  for (const frontend::Declaration &I : Model.Invariants)
    if (I.Suppressed)
      Out.push_back(I.Name);
  return Out;
}

/// Validates, stratifies and searches Model's program, without the pre
/// rules of the invariants in Without (which then cannot fail).
std::optional<SearchFailure> searchProgram(const frontend::ExtractedModel &Model,
                                           const SearchSettings &S,
                                           const std::vector<std::string> &Without,
                                           SearchedScenario &Out, llvm::raw_ostream &Errs) {
  const frontend::ScenarioModel &Sc = Model.Scenario;
  const std::string &Name = Model.DisplayName;
  Out.Ev.reset();
  Out.Model = &Model;
  Out.Unsearched = Without;
  Out.Program = Model.program();
  if (!Without.empty())
    llvm::erase_if(Out.Program.Rules, [&](const ir::Rule &R) {
      const std::vector<ir::Term> &Args = R.Head.Args;
      return R.Head.Relation == ir::PreRelation && !Args.empty() &&
             Args[0].K == ir::Term::Kind::String && llvm::is_contained(Without, Args[0].Text);
    });
  ir::DiagnosticEngine Internal(Errs);
  Internal.setProgram(&Out.Program);
  if (!ir::validateProgram(Out.Program, Internal)) {
    Errs << "faultline: internal error: the model extracted for scenario '" << Name
                 << "' is invalid (a frontend bug; please report it)\n";
    return SearchFailure::Internal;
  }
  Out.Strata = ir::stratify(Out.Program, Internal);
  Out.B.EOT = S.EOT.value_or(Sc.EOT);
  Out.B.EFF = S.EFF.value_or(Sc.EFF);
  Out.B.MaxCrashes = S.Crashes.value_or(Sc.Crashes);
  Out.B.MaxRestarts = S.Restarts.value_or(Sc.Restarts);
  Out.B.TimerSlack = S.TimerSlack.value_or(Sc.TimerSlack);
  Out.B.Nodes = Sc.Nodes;
  if (auto Problem = checkFaults(Out.B, FaultSet())) {
    Errs << "faultline: error: scenario '" << Name << "': " << *Problem << "\n";
    return SearchFailure::BadInput;
  }
  Out.Ev = std::make_unique<eval::Evaluator>(Out.Program, Out.Strata);
  Out.R = search::search(*Out.Ev, Out.B, S.Options, Internal);
  if (Out.R.Failed)
    return SearchFailure::BadInput;
  return std::nullopt;
}

} // namespace

std::optional<SearchFailure> searchScenario(const frontend::ExtractedModel &Model,
                                            const SearchSettings &S, SearchedScenario &Out,
                                            llvm::raw_ostream &Errs) {
  if (auto Failure = searchProgram(Model, S, {}, Out, Errs))
    return Failure;
  // The search stops at its first counterexample. When that breaks only
  // invariants a NOLINT silences, another run may still break one it does
  // not: NOLINT on one invariant must not hide another's counterexample.
  // So search again without the silenced ones; if that finds one, it is
  // the result (searched once more into Out: the evaluator a result's runs
  // refer to cannot be moved), else the silenced counterexample stands.
  std::vector<std::string> Silenced = silencedInvariants(Model);
  if (Silenced.empty() || S.Options.FindAll || Out.R.V != search::Verdict::Counterexample ||
      !Out.reported().empty())
    return std::nullopt;
  auto Others = std::make_unique<SearchedScenario>();
  if (auto Failure = searchProgram(Model, S, Silenced, *Others, Errs))
    return Failure;
  if (Others->R.V != search::Verdict::Counterexample)
    return std::nullopt;
  unsigned Runs = Out.R.Runs + Others->R.Runs;
  double Seconds = Out.R.Seconds + Others->R.Seconds;
  Others.reset();
  if (auto Failure = searchProgram(Model, S, Silenced, Out, Errs))
    return Failure;
  Out.R.Runs += Runs;
  Out.R.Seconds += Seconds;
  return std::nullopt;
}

void SearchedScenario::warnVacuous(ir::DiagnosticEngine &D) const {
  const std::string &Name = Model->DisplayName;
  if (Model->Invariants.empty())
    D.warning(Model->Scenario.Loc,
              "scenario '" + Name + "' reaches no FL_INVARIANT (none reads the state of its "
              "roles): nothing can be violated, so 'certified' would mean nothing");
  // The invariants that have pre rules: one whose condition is always true
  // lowers to none.
  std::vector<std::string> WithPreRules = search::invariantNames(Program);
  for (const frontend::Declaration &I : Model->Invariants)
    if (!llvm::is_contained(WithPreRules, I.Name) && !llvm::is_contained(Unsearched, I.Name))
      D.warning(I.Loc, "invariant '" + I.Name + "' can never fail (its condition is always "
                       "true), so 'certified' means nothing for it in scenario '" + Name + "'");
  if (!WithPreRules.empty())
    for (const search::VacuityWarning &W :
         search::vacuityWarnings(Program, B, /*NodesFromUser=*/false))
      D.warning(W.Loc, "scenario '" + Name + "': " + W.Message);
}

std::string SearchedScenario::stats() const {
  // Counted over the declared invariants, those that cannot fail too.
  std::vector<std::string> WithPreRules = search::invariantNames(Program);
  // An assert's pre is its failure: it is counted on its own.
  unsigned WithPre = 0, Invariants = 0, Asserts = 0;
  for (const frontend::Declaration &I : Model->Invariants) {
    if (!I.Assertion.empty()) {
      ++Asserts;
      continue;
    }
    ++Invariants;
    WithPre += (llvm::is_contained(WithPreRules, I.Name) ||
                llvm::is_contained(Unsearched, I.Name)) &&
               !llvm::is_contained(R.InvariantsWithoutPre, I.Name) &&
               !llvm::is_contained(R.InvariantsPreUnreachable, I.Name);
  }
  return fmt::format("{} run{}, {:.3f} s, fault space {} scenarios{}, invariants with a pre: {} "
                     "of {}{}",
                     R.Runs, R.Runs == 1 ? "" : "s", R.Seconds, report::formatSpaceSize(R),
                     R.TimerFirings ? " (each with its timer firings)" : "", WithPre, Invariants,
                     Asserts ? fmt::format(", asserts checked: {}", Asserts) : "");
}

std::string SearchedScenario::verdictText() const {
  // The bounds beyond the crashes: restarts, and how late timers may fire.
  std::string More = report::restartsBound(B) +
                     (B.TimerSlack ? fmt::format(", timer slack {}", B.TimerSlack) : "");
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
      return fmt::format("certified for the outcomes seen for EOT {}, EFF {}, {} crash{}{}; "
                         "{} ({})",
                         B.EOT, B.EFF, B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es", More,
                         report::withoutPreText(R), stats());
    return fmt::format("certified for EOT {}, EFF {}, {} crash{}{}{} ({})", B.EOT, B.EFF,
                       B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es", More,
                       report::certificateCaveats(R), stats());
  case search::Verdict::Inconclusive:
    return fmt::format("inconclusive, {} ({})", R.StopReason, stats());
  }
  return "";
}

} // namespace faultline::check
