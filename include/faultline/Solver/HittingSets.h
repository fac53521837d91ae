//===- faultline/Solver/HittingSets.h - Fault sets from lineage -*- C++ -*-===//
//
// Turns lineage into the question LDFI asks Z3: which smallest sets of faults
// (omissions before EFF, at most `crashes` crashed nodes) would break every
// known derivation of some good outcome? A message is lost by its omission or
// by a crash of its sender at or before its send time.
//
// A run's derivations were made under that run's faults (a retry a loss
// triggered, an abort a crash caused), so they bind only the candidates that
// include those faults; and a candidate may target an outcome only if it
// includes the faults of a run in which the outcome held. Molly asks one
// solver per run for extensions of that run's faults; one incremental solver
// with every run's constraints, each guarded by "includes this run's faults",
// asks the same question with everything learnt so far.
//
// A `pre` tuple that a run lacked is a goal as well: faults that might make
// it appear (by the run's why-not lineage of it) while losing its post. So a
// `pre` that only faults create is aimed at like any outcome.
//
// Candidates come out smallest first, each shrunk to a minimal set. A found
// set's supersets are blocked until the next run: they may be minimal for the
// question that run's lineage adds.
//
// Z3's context is made when the first run with an outcome arrives, on a heap
// prepared for it (Z3Heap.h): creating it costs more than a small search
// (docs/design.md, "Start-up"), and until then no fault set can be a
// candidate.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SOLVER_HITTINGSETS_H
#define FAULTLINE_SOLVER_HITTINGSETS_H

#include "faultline/Eval/Scenario.h"
#include "faultline/Lineage/Lineage.h"

#include <chrono>
#include <memory>
#include <optional>

namespace faultline::solver {

struct SolverStats {
  unsigned Checks = 0; ///< Calls to Z3's check().
};

class HittingSetSolver {
public:
  explicit HittingSetSolver(const Bounds &B);
  ~HittingSetSolver();
  HittingSetSolver(const HittingSetSolver &) = delete;
  HittingSetSolver &operator=(const HittingSetSolver &) = delete;

  /// Learns from a passing run made under Faults, whose lineage is L. Faults
  /// itself is never proposed again.
  void addRun(const lineage::Lineage &L, const FaultSet &Faults);

  /// Never proposes F (a set that was run and violated: a finding, whose
  /// lineage is not a good outcome's).
  void exclude(const FaultSet &F);

  /// The next minimal fault set, smallest first, or nothing when no fault
  /// set within the bounds breaks all known derivations of an outcome it may
  /// target, or when the deadline passed (then timedOut()).
  std::optional<FaultSet> next();

  /// Z3's checks stop at this time (Z3's own timeout, set per check): one
  /// check on a large formula can outlast a search's --timeout otherwise.
  void setDeadline(std::chrono::steady_clock::time_point D) { Deadline = D; }
  /// Whether next() gave up at the deadline (its nothing is no answer).
  bool timedOut() const { return TimedOut; }

  const SolverStats &stats() const;

private:
  struct Impl;
  /// Made on the first run with an outcome, told the sets in NotAgain.
  Impl &impl();
  Bounds B;
  std::optional<std::chrono::steady_clock::time_point> Deadline;
  bool TimedOut = false;
  std::vector<FaultSet> NotAgain;
  std::unique_ptr<Impl> I;
  SolverStats NoChecks;
};

} // namespace faultline::solver

#endif // FAULTLINE_SOLVER_HITTINGSETS_H
