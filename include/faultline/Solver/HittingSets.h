//===- faultline/Solver/HittingSets.h - Fault sets from lineage -*- C++ -*-===//
//
// Turns lineage into the question LDFI asks Z3: which smallest sets of faults
// (omissions before EFF, at most `crashes` crashed nodes) would break every
// known derivation of some good outcome? A message is lost by its omission
// or by a crash of its sender at or before its send time.
//
// Candidates come out smallest first, each shrunk to a minimal set, from one
// incremental solver: a found set's supersets are blocked (they cannot be
// minimal) until new lineage changes the question.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SOLVER_HITTINGSETS_H
#define FAULTLINE_SOLVER_HITTINGSETS_H

#include "faultline/Eval/Scenario.h"
#include "faultline/Lineage/Lineage.h"

#include <memory>
#include <optional>

namespace faultline::solver {

struct SolverStats {
  unsigned Checks = 0;     ///< Calls to Z3's check().
  unsigned Candidates = 0; ///< Minimal sets returned.
  unsigned Variables = 0;  ///< Fault variables (omissions + crash times).
};

class HittingSetSolver {
public:
  explicit HittingSetSolver(const eval::Bounds &B);
  ~HittingSetSolver();
  HittingSetSolver(const HittingSetSolver &) = delete;
  HittingSetSolver &operator=(const HittingSetSolver &) = delete;

  /// Learns from a run made under Faults: from now on a candidate must break
  /// every derivation, in L too, of the outcome it targets. Faults itself is
  /// never proposed again.
  void addLineage(const lineage::Lineage &L, const eval::FaultSet &Faults);

  /// The next minimal fault set, smallest first, or nothing when no fault
  /// set within the bounds breaks all known derivations of any outcome.
  std::optional<eval::FaultSet> next();

  const SolverStats &stats() const;

private:
  struct Impl;
  std::unique_ptr<Impl> I;
};

} // namespace faultline::solver

#endif // FAULTLINE_SOLVER_HITTINGSETS_H
