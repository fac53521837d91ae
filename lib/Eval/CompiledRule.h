//===- CompiledRule.h - Rules lowered to join plans -------------*- C++ -*-===//
//
// Private to the evaluator. A rule's variables become numbered slots, its
// constants interned values, and its body one join plan per semi-naive
// variant: which atom to scan first, how each atom's table is restricted by
// fixpoint round, and which filters (notin, comparisons, computed columns)
// can run as soon as their variables are bound.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_EVAL_COMPILEDRULE_H
#define FAULTLINE_LIB_EVAL_COMPILEDRULE_H

#include "faultline/Eval/Run.h"
#include "faultline/Eval/Value.h"
#include "faultline/IR/AST.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace faultline::eval {

struct CTerm {
  enum class Kind { Const, Slot, Wild, Arith, Aggregate };
  Kind K = Kind::Wild;
  Value C;
  int Slot = -1;
  char Op = 0;
  std::string AggFn;
  std::vector<CTerm> Args;
  ir::SourceLoc Loc;

  /// Slots this term reads.
  void collectSlots(std::vector<int> &Out) const;
};

struct CAtom {
  RelId Rel = 0;
  std::vector<CTerm> Args;
  std::optional<int64_t> AtTime;
  ir::SourceLoc Loc;
  /// A same-time `notin` of a relation of the rule's own stratum, in a
  /// stratum with a negation cycle: it reads the pass's context (see
  /// Evaluator.cpp) rather than the table the pass is filling.
  bool ReadsOwnStratum = false;
};

struct CComparison {
  ir::CmpOp Op = ir::CmpOp::EQ;
  CTerm LHS, RHS;
  ir::SourceLoc Loc;
};

/// Which rows of an atom's table a plan step may use, by fixpoint round.
enum class RowRange : uint8_t {
  All,   ///< Everything in the table.
  Old,   ///< Rows derived before the previous round.
  Delta, ///< Rows derived in the previous round.
};

/// A check that runs once its slots are bound.
struct Filter {
  enum class Kind : uint8_t { Negation, Comparison, Column };
  Kind K;
  uint32_t Index;  ///< Into Negatives, Comparisons, or Positives.
  uint32_t Column; ///< For Column: which computed column of the atom.
};

struct PlanStep {
  uint32_t Atom = 0; ///< Index into Positives.
  RowRange Range = RowRange::All;
  /// Columns whose value is known before the scan (constants, bound slots),
  /// in increasing order, used to pick an index.
  std::vector<uint32_t> BoundCols;
  std::vector<Filter> After;
};

struct JoinPlan {
  std::vector<PlanStep> Steps;
  std::vector<Filter> Before; ///< Filters with no slots at all.
};

struct CompiledRule {
  uint32_t Index = 0;
  const ir::Rule *Source = nullptr;
  RelId HeadRel = 0;
  std::vector<CTerm> Head;
  ir::HeadTime Time = ir::HeadTime::Now;
  bool HasAggregate = false;
  bool IsSelection = false; ///< ir::Rule::isSelection
  std::vector<CAtom> Positives;
  std::vector<CAtom> Negatives;
  std::vector<CComparison> Comparisons;
  CTerm Location;
  unsigned NumSlots = 0;

  /// Joins every atom against its whole table.
  JoinPlan FullPlan;
  /// Semi-naive variants, one per positive atom over a relation of the
  /// rule's own stratum; empty until the evaluator marks recursion.
  std::vector<JoinPlan> DeltaPlans;

  /// Builds the plan that scans the atoms in Order with the given ranges.
  JoinPlan makePlan(const std::vector<uint32_t> &Order,
                    const std::vector<RowRange> &Ranges) const;
};

/// Interns the rule's constants and numbers its variables.
CompiledRule compileRule(const ir::Rule &R, uint32_t Index, SymbolTable &Symbols,
                         const std::function<RelId(const std::string &)> &RelOf);

} // namespace faultline::eval

#endif // FAULTLINE_LIB_EVAL_COMPILEDRULE_H
