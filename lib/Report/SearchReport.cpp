//===- SearchReport.cpp - Text and JSON renderings of a search ------------===//

#include "faultline/Report/SearchReport.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Report/RunReport.h"

#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <cmath>

namespace faultline::report {

const char *strategyName(search::Strategy S) {
  switch (S) {
  case search::Strategy::LDFI:
    return "ldfi";
  case search::Strategy::Random:
    return "random";
  case search::Strategy::Exhaustive:
    return "exhaustive";
  }
  return "";
}

std::string formatCount(long double N) {
  if (N < 1e15L)
    return fmt::format("{}", static_cast<unsigned long long>(std::llround(N)));
  return fmt::format("{:.3g}", static_cast<double>(N));
}

std::string formatSpaceSize(const search::SearchResult &R) {
  if (std::isfinite(static_cast<double>(R.SpaceSize)))
    return formatCount(R.SpaceSize);
  double Exp = std::floor(R.SpaceLog10);
  double Mantissa = std::pow(10.0, R.SpaceLog10 - Exp);
  if (Mantissa >= 9.995) { // would print as 10 with three digits
    Mantissa /= 10;
    Exp += 1;
  }
  return fmt::format("{:.3g}e+{}", Mantissa, static_cast<long long>(Exp));
}

/// The fault space's size in JSON: an exact integer up to 2^53, a number
/// beyond, and a string where a double overflows (JSON has no infinity).
static llvm::json::Value spaceSizeJSON(const search::SearchResult &R) {
  if (R.SpaceSize <= 9007199254740992.0L)
    return static_cast<int64_t>(R.SpaceSize);
  double Approx = static_cast<double>(R.SpaceSize);
  if (std::isfinite(Approx))
    return Approx;
  return formatSpaceSize(R);
}

const char *verdictName(search::Verdict V) {
  switch (V) {
  case search::Verdict::Counterexample:
    return "counterexample";
  case search::Verdict::Certified:
    return "certified";
  case search::Verdict::Inconclusive:
    return "inconclusive";
  }
  return "";
}

std::string withoutPreText(const search::SearchResult &R) {
  size_t N = R.InvariantsWithoutPre.size();
  return fmt::format("{} invariant{} never had a pre ({}): no run showed what {} checks{}", N,
                     N == 1 ? "" : "s", fmt::join(R.InvariantsWithoutPre, ", "),
                     N == 1 ? "it" : "they",
                     R.Invariants.size() == 1 && R.Invariants[0] == ir::PreRelation
                         ? ""
                         : ", so the certificate says nothing about them");
}

static std::string preUnreachableText(const search::SearchResult &R) {
  size_t N = R.InvariantsPreUnreachable.size();
  if (!N)
    return "";
  return fmt::format("; {} invariant{} had a pre in no run ({}): no fault set within the bounds "
                     "brings about what {} checks",
                     N, N == 1 ? "" : "s", fmt::join(R.InvariantsPreUnreachable, ", "),
                     N == 1 ? "it" : "they");
}

static std::string preGoalsPartialText(const search::SearchResult &R) {
  if (!R.PreGoalsPartial)
    return "";
  return "; a pre only faults create was aimed at only until every invariant had a pre "
         "(pre depends on an aggregate)";
}

std::string certificateCaveats(const search::SearchResult &R) {
  return preUnreachableText(R) + preGoalsPartialText(R);
}

std::string invariantsWithPreText(const search::SearchResult &R) {
  // Those without post (asserts) are not counted: their pre is a violation.
  size_t Counted = R.Invariants.size() - R.InvariantsWithoutPost.size();
  return fmt::format("invariants with a pre: {} of {}",
                     Counted - R.InvariantsWithoutPre.size() - R.InvariantsPreUnreachable.size(),
                     Counted);
}

/// ", timer slack N" when timers may fire late, for the verdict's bounds.
static std::string slackText(const Bounds &B) {
  return B.TimerSlack ? fmt::format(", timer slack {}", B.TimerSlack) : "";
}

void printSearchText(llvm::raw_ostream &OS, const search::SearchResult &R,
                     const eval::SymbolTable &Syms, const Bounds &B,
                     search::Strategy Strat, const SearchReportOptions &Opts) {
  OS << fmt::format("{}; strategy {}\n", boundsText(B), strategyName(Strat));
  switch (R.V) {
  case search::Verdict::Counterexample:
    if (R.NoFaultNeeded)
      OS << "verdict: COUNTEREXAMPLE: the failure-free run already violates the invariant "
            "(no fault needed)\n";
    else
      OS << fmt::format("verdict: COUNTEREXAMPLE: {} found\n", R.Found.size());
    break;
  case search::Verdict::Certified:
    if (R.Invariants.empty())
      OS << "verdict: CERTIFIED, VACUOUSLY: the program defines no pre, so no run can "
            "violate an invariant\n";
    else if (!R.InvariantsWithoutPre.empty())
      OS << fmt::format("verdict: CERTIFIED FOR THE OUTCOMES SEEN: no fault scenario within EOT "
                        "{}, EFF {}, {} crash{}{} breaks an outcome the runs had; {}\n",
                        B.EOT, B.EFF, B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es",
                        restartsBound(B) + slackText(B), withoutPreText(R));
    else
      OS << fmt::format("verdict: CERTIFIED: no fault scenario within EOT {}, EFF {}, {} crash{}{} "
                        "violates the invariant{}\n",
                        B.EOT, B.EFF, B.MaxCrashes, B.MaxCrashes == 1 ? "" : "es",
                        restartsBound(B) + slackText(B), certificateCaveats(R));
    break;
  case search::Verdict::Inconclusive:
    OS << "verdict: INCONCLUSIVE: no counterexample found before the search stopped ("
       << (R.StopReason.empty() ? "strategy cannot certify" : R.StopReason) << ")\n";
    break;
  }
  for (size_t I = 0; I < R.Found.size(); ++I) {
    const search::Counterexample &C = R.Found[I];
    OS << fmt::format("counterexample {} (run {}): {}\n", I + 1, C.RunNumber,
                      C.Faults.describe());
    if (!C.Run)
      continue;
    for (eval::TupleId Id : C.Run->missingPost())
      OS << "  missing post(" << Syms.render(C.Run->Tuples[Id].Values) << ")\n";
    OS << "  timeline (time, event):\n";
    printTimeline(OS, *C.Run, Syms);
  }
  if (Opts.ShowRuns) {
    OS << "executions:\n";
    for (size_t I = 0; I < R.Executions.size(); ++I)
      OS << fmt::format("  {:>4}  {}  {}\n", I + 1,
                        R.Executions[I].Violates ? "VIOLATION" : "ok       ",
                        R.Executions[I].Faults.describe());
  }
  OS << fmt::format("runs: {}, time: {:.3f} s, fault space: {} scenarios{}", R.Runs, R.Seconds,
                    formatSpaceSize(R), R.TimerFirings ? " (each with its timer firings)" : "");
  if (Strat == search::Strategy::LDFI)
    OS << fmt::format(", solver checks: {}", R.SolverChecks);
  if (R.SymmetricSkipped)
    OS << fmt::format(", symmetric sets skipped: {}", R.SymmetricSkipped);
  if (R.WalkRuns)
    OS << fmt::format(", runs of the exhaustive walk: {}{}", R.WalkRuns,
                      R.WalkDecided ? " (it decided)" : "");
  OS << ", " << invariantsWithPreText(R) << "\n";
}

llvm::json::Object searchToJSON(const search::SearchResult &R, const eval::SymbolTable &Syms,
                                const Bounds &B, search::Strategy Strat) {
  llvm::json::Array Found;
  for (const search::Counterexample &C : R.Found) {
    llvm::json::Array Missing;
    llvm::json::Array Messages;
    if (C.Run) {
      for (eval::TupleId Id : C.Run->missingPost()) {
        llvm::json::Array Values;
        for (eval::Value V : C.Run->Tuples[Id].Values)
          Values.push_back(V.isInt() ? llvm::json::Value(V.V)
                                     : llvm::json::Value(Syms.text(static_cast<uint32_t>(V.V))));
        Missing.push_back(std::move(Values));
      }
      Messages = messagesToJSON(*C.Run, Syms);
    }
    llvm::json::Object Counterexample{{"run", C.RunNumber},
                                      {"faults", faultsToJSON(C.Faults)},
                                      {"missing_post", std::move(Missing)},
                                      {"messages", std::move(Messages)}};
    if (C.Run && !C.Run->Timers.empty())
      Counterexample["timers"] = timersToJSON(*C.Run);
    Found.push_back(std::move(Counterexample));
  }
  llvm::json::Object Out{
      {"bounds", boundsToJSON(B)},
      {"strategy", strategyName(Strat)},
      {"verdict", verdictName(R.V)},
      {"no_fault_needed", R.NoFaultNeeded},
      {"counterexamples", std::move(Found)},
      {"runs", R.Runs},
      {"seconds", R.Seconds},
      {"fault_space", spaceSizeJSON(R)},
      {"fault_space_log10", R.SpaceLog10},
      {"solver_checks", R.SolverChecks},
      {"eval_seconds", R.EvalSeconds},
      {"lineage_seconds", R.LineageSeconds},
      {"solver_seconds", R.SolverSeconds},
      {"symmetric_skipped", R.SymmetricSkipped},
      {"portfolio", R.Portfolio},
      {"walk_runs", R.WalkRuns},
      {"walk_decided", R.WalkDecided},
      {"reevaluations", R.Reevaluations},
      {"invariants", llvm::json::Array(R.Invariants)},
      {"invariants_without_pre", llvm::json::Array(R.InvariantsWithoutPre)},
      {"invariants_pre_unreachable", llvm::json::Array(R.InvariantsPreUnreachable)},
      {"pre_goals_partial", R.PreGoalsPartial},
  };
  // Only a search that chose timer firings says so; other reports stay as they were.
  if (R.TimerFirings)
    Out["timer_firings"] = true;
  llvm::json::Array Executions;
  for (const search::Execution &E : R.Executions)
    Executions.push_back(llvm::json::Object{{"faults", faultsToJSON(E.Faults)},
                                            {"violates", E.Violates}});
  Out["executions"] = std::move(Executions);
  if (!R.StopReason.empty())
    Out["stop_reason"] = R.StopReason;
  return Out;
}

} // namespace faultline::report
