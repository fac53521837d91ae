//===- faultline/Check/ScenarioSearch.h - One C++ scenario searched -*- C++ -*-===//
//
// What check and review do with each scenario the frontend extracted: the
// LDFI search of its model with the bounds the scenario declares (or the
// command line overrides), its verdict and statistics as check prints
// them, and the reasons its certificate would mean nothing. Explain.h tells
// its counterexamples in the C++ terms.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_CHECK_SCENARIOSEARCH_H
#define FAULTLINE_CHECK_SCENARIOSEARCH_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Frontend/Fragment.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Validate.h"
#include "faultline/Search/Search.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace faultline::check {

/// How to search: the overrides of the scenario's bounds, and the search's
/// options (the same ones ldfi takes).
struct SearchSettings {
  std::optional<int> EOT, EFF, Crashes, Restarts, TimerSlack;
  search::SearchOptions Options;
};

/// A scenario's model after its search. Not movable: the evaluator keeps
/// references to the program and its strata.
struct SearchedScenario {
  const frontend::ExtractedModel *Model = nullptr;
  ir::Program Program;
  ir::Stratification Strata;
  std::unique_ptr<eval::Evaluator> Ev;
  Bounds B;
  search::SearchResult R;
  /// Invariants NOLINT(faultline) silences whose pre rules Program lacks:
  /// their counterexample was found first, and this search looked for the
  /// others' (searchScenario).
  std::vector<std::string> Unsearched;
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

/// Why a scenario could not be searched (the message is printed).
enum class SearchFailure {
  BadInput, ///< Bounds the scenario cannot have, a run's limit exceeded...
  Internal, ///< The frontend made an invalid program.
};

/// Validates, stratifies and searches Model's program into Out; its
/// diagnostics go to Errs (check buffers those of scenarios searched at
/// once, to print them in order). Searches of different models may run
/// on different threads at once.
std::optional<SearchFailure> searchScenario(const frontend::ExtractedModel &Model,
                                            const SearchSettings &S, SearchedScenario &Out,
                                            llvm::raw_ostream &Errs = llvm::errs());

} // namespace faultline::check

#endif // FAULTLINE_CHECK_SCENARIOSEARCH_H
