//===- ScenarioSearch.h - One extracted scenario, searched and explained -*- C++ -*-===//
//
// What check and review share: the LDFI search of one scenario's model with
// the bounds the scenario declares (or the command line overrides), and
// its counterexamples explained: as clang-style diagnostics (check's text)
// or as report::Findings (the writers, the review's comparison).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_SCENARIOSEARCH_H
#define FAULTLINE_TOOL_SCENARIOSEARCH_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Frontend/Fragment.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Validate.h"
#include "faultline/Report/Findings.h"
#include "faultline/Search/Search.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace faultline::tool {

/// How to search: the overrides of the scenario's bounds and the limits.
struct SearchSettings {
  std::optional<int> EOT, EFF, Crashes;
  bool NegativeSupport = true;
  bool Symmetry = true;
  unsigned MaxRuns = 0;
  double TimeoutSeconds = 0;
  eval::EvalLimits Limits; ///< --max-step-derivations, --max-tuples.
};

/// A scenario's model after its search. Not movable: the evaluator keeps
/// references to the program and its strata.
struct SearchedScenario {
  const frontend::ExtractedModel *Model = nullptr;
  ir::Program Program;
  ir::Stratification Strata;
  std::unique_ptr<eval::Evaluator> Ev;
  eval::Bounds B;
  search::SearchResult R;
  SearchedScenario() = default;
  SearchedScenario(const SearchedScenario &) = delete;
  SearchedScenario &operator=(const SearchedScenario &) = delete;

  /// "3 runs, 0.012 s, fault space 96 scenarios, invariants with a pre: 1 of 1"
  std::string stats() const;
  /// "certified for EOT 4, EFF 3, 1 crash (...)" and the like, as check prints it.
  std::string verdictText() const;
  /// Reasons its certificate would mean nothing: a scenario that reaches no
  /// FL_INVARIANT, an invariant that lowers to no pre (its condition is
  /// always true), and search::vacuityWarnings.
  void warnVacuous(ir::DiagnosticEngine &D) const;
  /// The counterexamples NOLINT(faultline) does not silence.
  std::vector<const search::Counterexample *> reported() const;
};

/// Validates, stratifies and searches Model's program. An exit code
/// (ExitBadInput, ExitInternal) after an error, printed; else nothing.
std::optional<int> searchScenario(const frontend::ExtractedModel &Model, const SearchSettings &S,
                                  SearchedScenario &Out);

/// Prints a counterexample as check does: a warning at the violated
/// invariant, then a note per step of its story in time order.
/// Verbose: every handler that ran is a note, not only those that lead to
/// the failure (in the lineage of the broken invariant's precondition, or
/// run only because of the faults). The last note says which instance of
/// the invariant is false, in the C++ terms.
void diagnoseCounterexample(const SearchedScenario &S, const search::Counterexample &C,
                            ir::DiagnosticEngine &D, bool Verbose = false);

/// A run's whole story (every crash, lost send and handler) with absolute
/// file names: the HTML report's.
std::vector<report::StoryStep> storyOf(const SearchedScenario &S, const eval::Run &R);
/// "durability(c = C, m = M, r = b) is false at the end of time 16, for seq = 0"
std::string describeViolation(const SearchedScenario &S, const eval::Tuple &Pre, int EOT);

/// A file name of the program as the reports show it (review: relative to
/// the repository root).
using PathMapper = std::function<std::string(const std::string &)>;

/// The counterexample as a finding (fingerprint included).
report::Finding findingOf(const SearchedScenario &S, const search::Counterexample &C,
                          const PathMapper &MapPath);

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_SCENARIOSEARCH_H
