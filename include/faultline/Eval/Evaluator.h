//===- faultline/Eval/Evaluator.h - Time-stepped execution ----*- C++ -*-===//
//
// Executes a Dedalus program under a failure scenario with Molly's
// synchronous semantics: times 1..EOT; within a step the deductive rules run
// to a fixpoint stratum by stratum (semi-naive); @next heads hold at t+1 on
// the same node; @async heads are messages delivered at t+1 unless omitted
// or sent by a crashed node. See docs/ir-reference.md for the full rules.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_EVALUATOR_H
#define FAULTLINE_EVAL_EVALUATOR_H

#include "faultline/Eval/Run.h"
#include "faultline/Eval/Scenario.h"
#include "faultline/Eval/Value.h"
#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Validate.h"

#include <memory>

namespace faultline::eval {

enum class Strategy {
  SemiNaive, ///< The default: each round joins only with the last round's news.
  Naive,     ///< Re-evaluates every rule on everything each round (baseline).
};

struct EvalOptions {
  Strategy Strat = Strategy::SemiNaive;
  /// Record, for each firing, the absent tuples its `notin` subgoals relied on.
  bool NegativeSupport = false;
};

struct CompiledRule;

/// A validated, stratified program ready to run many times.
class Evaluator {
public:
  /// P must have passed validateProgram; Strat comes from stratify(P).
  Evaluator(const ir::Program &P, ir::Stratification Strat);
  ~Evaluator();

  /// Runs one execution. Returns nothing after reporting an evaluation error
  /// (a type error in arithmetic, division by zero, overflow) to Diags.
  std::unique_ptr<Run> run(const Bounds &B, const FaultSet &Faults,
                           ir::DiagnosticEngine &Diags,
                           const EvalOptions &Opts = {}) const;

  const ir::Program &program() const { return Prog; }
  const SymbolTable &symbols() const { return Symbols; }
  const std::vector<std::string> &relationNames() const { return RelNames; }

private:
  class Execution;
  const ir::Program &Prog;
  ir::Stratification Strata;
  /// Node names are interned when a run names them.
  mutable SymbolTable Symbols;
  std::vector<std::string> RelNames;
  std::vector<std::unique_ptr<CompiledRule>> Rules;
  RelId CrashRel = 0;
};

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_EVALUATOR_H
