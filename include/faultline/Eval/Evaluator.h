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

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>

namespace faultline::eval {

enum class Strategy {
  SemiNaive, ///< The default: each round joins only with the last round's news.
  Naive,     ///< Re-evaluates every rule on everything each round (baseline).
};

/// What bounds the work of one run. Dedalus with arithmetic is not
/// guaranteed to terminate (`c(N, C+1) :- c(N, C);` derives forever within
/// one step), and a join can derive far more than fits in memory; a run that
/// exceeds a limit stops with an error at the rule that was deriving,
/// instead of hanging or exhausting memory. The defaults are documented in
/// docs/user-guide.md and are far above what Molly's models need.
struct EvalLimits {
  static constexpr uint64_t DefaultMaxStepDerivations = 2'000'000;
  static constexpr uint64_t DefaultMaxTuples = 10'000'000;
  static constexpr uint64_t DefaultMaxMemory = uint64_t(1) << 30; // 1 GiB
  /// Rule firings recorded within one time step (same-time, @next and
  /// @async heads alike); 0: no limit.
  uint64_t MaxStepDerivations = DefaultMaxStepDerivations;
  /// Tuples the whole run may hold, over all time steps; 0: no limit.
  uint64_t MaxTuples = DefaultMaxTuples;
  /// Resident memory (bytes) the run may add to MemoryBase; 0: no limit.
  /// Checked every few thousand derivations (eval/Memory.h).
  uint64_t MaxMemory = DefaultMaxMemory;
  /// The resident memory the budget started from: a search sets it once,
  /// so that its lineage and solver count too; 0: the run's start.
  uint64_t MemoryBase = 0;
  /// When set, the run stops (RunStatus::TimedOut, no diagnostic) once this
  /// time has passed, checked inside the fixpoint, not only between steps.
  std::optional<std::chrono::steady_clock::time_point> Deadline;
};

struct EvalOptions {
  Strategy Strat = Strategy::SemiNaive;
  /// Record, for each firing, the absent tuples its `notin` subgoals relied on.
  bool NegativeSupport = false;
  /// Treat every `notin` as holding. Run without faults, this gives every
  /// tuple any run under any faults can hold, except downstream of an
  /// aggregate or (without EveryCrash) a positive read of `crash`
  /// (negative support's grounding).
  bool IgnoreNegation = false;
  /// Also seed crash(Observer, N, T) for every node N and time T, while
  /// crashing nobody: with IgnoreNegation and no faults, the run then holds
  /// what positive reads of `crash` can add in any run as well. With
  /// restarts in the bounds, also what a restart adds at any step:
  /// restart(N, T) and N's initial facts.
  bool EveryCrash = false;
  /// A min<> or max<> rule (ir::Rule::isSelection) derives a head for every
  /// value its group ranges over, not just the least or greatest. The one
  /// it selects in any run is among them (its group there is a subset of
  /// this run's, with IgnoreNegation and no faults), so the grounding's run
  /// still holds every tuple any run can hold.
  bool EverySelection = false;
  /// Fire every arming of a timer at every step from its due step to
  /// TimerSlack steps later, and ignore cancels and re-arms: with
  /// IgnoreNegation, the run then holds every timer firing any run can.
  bool EveryTimer = false;
  /// When set, how late a timer due at Due fires is asked of it (a value in
  /// 0..MaxDelay) instead of read from the fault set, and the delays chosen
  /// are added to the run's Faults: the random search's sampler.
  std::function<int(const std::string &Node, const std::string &Timer, int Due, int MaxDelay)>
      ChooseDelay;
  EvalLimits Limits;
  /// Record every firing of a tuple with the body tuples it read (what
  /// lineage reads). Without, a tuple keeps its first firing's rule and
  /// time only, and a firing reads as if its body were empty: a run that is
  /// read for its tables alone (negative support's grounding) is cheaper.
  /// The limits count firings the same either way.
  bool Provenance = true;
};

/// One way a rule might derive a tuple: its positive body atoms as tuples
/// (no wild column) and its `notin` atoms as the patterns that must be absent,
/// each at the time it is read. For a min<>/max<> rule, the head's group
/// with any other value is one of those patterns: the selection is unique.
struct RuleInstance {
  uint32_t Rule = 0;
  std::vector<TuplePattern> Positives;
  std::vector<TuplePattern> Negatives;
};

/// How a run ended.
enum class RunStatus {
  Completed,
  Failed,   ///< An evaluation error, reported to the diagnostics.
  TimedOut, ///< EvalLimits::Deadline passed; nothing reported.
};

struct CompiledRule;

/// A validated, stratified program ready to run many times.
class Evaluator {
public:
  /// P must have passed validateProgram; Strat comes from stratify(P).
  Evaluator(const ir::Program &P, ir::Stratification Strat);
  ~Evaluator();

  /// Runs one execution. Returns nothing after reporting an evaluation error
  /// (a type error in arithmetic, division by zero, overflow, an EOT above
  /// MaxEOT, a limit of Opts.Limits exceeded) to Diags, or when the deadline
  /// passed; Status, if given, says which.
  std::unique_ptr<Run> run(const Bounds &B, const FaultSet &Faults,
                           ir::DiagnosticEngine &Diags,
                           const EvalOptions &Opts = {},
                           RunStatus *Status = nullptr) const;

  /// Every instance of a rule whose head could be a tuple matching Head,
  /// with its positive atoms taken from the tables of Over (a run made with
  /// IgnoreNegation, EverySelection and no faults, so that it holds every
  /// candidate). The body is placed at Head's time, or one step earlier for
  /// @next and @async rules; a min<>/max<> head binds its variable. Terms
  /// it cannot evaluate (arithmetic on unbound variables, count<> and
  /// sum<>) constrain nothing: the answer may hold more
  /// instances than are possible, never fewer. Returns false, having
  /// reported only part, once more than WorkLimit rows were scanned.
  bool instancesDeriving(const Run &Over, const TuplePattern &Head,
                         const std::function<void(const RuleInstance &)> &Out,
                         uint64_t WorkLimit = 200'000) const;

  const ir::Program &program() const { return Prog; }
  const SymbolTable &symbols() const { return Symbols; }
  const std::vector<std::string> &relationNames() const { return RelNames; }
  /// Whether the program declares a timer (a dimension of the scenario
  /// besides faults, when the bounds allow slack).
  bool hasTimers() const { return !Timers.empty(); }

private:
  class Execution;
  const ir::Program &Prog;
  ir::Stratification Strata;
  /// Node names are interned when a run names them.
  mutable SymbolTable Symbols;
  std::vector<std::string> RelNames;
  std::vector<std::unique_ptr<CompiledRule>> Rules;
  /// The relations of each stratum, by index into Strata.Strata.
  std::vector<std::vector<RelId>> StratumRels;
  RelId CrashRel = 0;
  RelId RestartRel = 0;
  /// The relations declared durable or ghost: a restart keeps them.
  std::set<RelId> Durable;
  /// The relations @next rules derive: a node's state, which a restart
  /// re-initialises from its facts of time 1.
  std::set<RelId> State;
  /// The program's timers: the relation each fires in, is armed and is
  /// cancelled through.
  struct TimerRels {
    const ir::TimerDecl *Decl = nullptr;
    RelId Fire = 0, Arm = 0, Cancel = 0;
  };
  std::vector<TimerRels> Timers;
  /// ir::ErrorRelation: a head derived in it stops the run with an error.
  RelId ErrorRel = 0;
};

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_EVALUATOR_H
