//===- faultline/Search/Search.h - The LDFI loop and baselines -*- C++ -*-===//
//
// Searches the failure scenarios within some bounds for one that violates
// the program's invariant. LDFI runs the failure-free scenario, asks the
// solver for the smallest fault sets that break every known derivation of a
// good outcome (or make a `pre` the run lacked appear), runs them, learns
// from the lineage of each passing run, and stops at a counterexample or
// when no candidate is left (the program is then certified for the bounds). Random and exhaustive search over the same
// space are the baselines it is measured against.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SEARCH_SEARCH_H
#define FAULTLINE_SEARCH_SEARCH_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Run.h"
#include "faultline/Eval/Scenario.h"
#include "faultline/IR/Diagnostics.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace faultline::search {

enum class Strategy { LDFI, Random, Exhaustive };

struct Progress {
  unsigned Runs = 0;
  unsigned Counterexamples = 0;
  double Seconds = 0;
};

struct SearchOptions {
  Strategy Strat = Strategy::LDFI;
  /// Keep going after the first counterexample.
  bool FindAll = false;
  /// Stop after this many executions (0: no limit).
  unsigned MaxRuns = 0;
  /// Stop after this many seconds (0: no limit), also in the middle of a run.
  double TimeoutSeconds = 0;
  /// The limits of each run (its Deadline comes from TimeoutSeconds).
  eval::EvalLimits Limits;
  /// Count what `notin` relied on as support (Molly's default; without it
  /// the search can certify programs that have counterexamples).
  bool NegativeSupport = true;
  /// Ground negative support in what runs can hold, at exact times (the
  /// default); off, Molly's coarser rule (every tuple of a negated relation
  /// at any earlier time), kept as the baseline the bench compares.
  bool GroundedNegativeSupport = true;
  /// Skip fault sets that a node permutation fixing the program maps onto
  /// a set already run (LDFI only).
  bool Symmetry = true;
  /// LDFI only: interleave the search with an exhaustive walk of the space,
  /// smallest sets first, when the space is small enough to walk
  /// (PortfolioMaxSpace scenarios, no timer schedules) and only the first
  /// counterexample is wanted. The walk gets PortfolioShare runs per solver
  /// check LDFI made (and per LDFI run), so the interleaving, and with it
  /// the verdict and the counterexample, depends on nothing but the inputs.
  /// The first verdict wins: a counterexample from either, or LDFI or the
  /// walk running out of candidates.
  /// The walk is paid from LDFI's first step, but spends its pay only once
  /// LDFI has made PortfolioAfter runs: a search LDFI decides sooner is
  /// LDFI's alone (its runs, its counterexample).
  bool Portfolio = true;
  double PortfolioMaxSpace = 65536;
  double PortfolioShare = 6;
  unsigned PortfolioAfter = 32;
  /// Seed of the random strategy.
  uint64_t Seed = 1;
  /// Search only space shard SpaceShard of SpaceShards (exhaustive and
  /// random search): the fault sets whose position in the unsharded
  /// search's order (exhaustive: the walk's, each with the timer schedules
  /// it leads to; random: the distinct draws', all drawn in every shard) is
  /// SpaceShard modulo SpaceShards. Counterexample::Position says where each
  /// found one is, so the first of all shards is the unsharded search's.
  unsigned SpaceShard = 0, SpaceShards = 1;
  /// Where to write each run's lineage as run-N.dot (empty: nowhere).
  std::string LineageDotDir;
  /// Called after every execution.
  std::function<void(const Progress &)> OnProgress;
};

enum class Verdict {
  Counterexample, ///< At least one violating scenario was found.
  Certified,      ///< No scenario within the bounds violates (LDFI: none left to try).
  Inconclusive,   ///< A limit (runs, time) ended the search first, or random search.
};

struct Counterexample {
  FaultSet Faults;
  std::unique_ptr<eval::Run> Run;
  unsigned RunNumber = 0; ///< 1-based position among the executions.
  /// Exhaustive and random search: the 0-based position of its fault set
  /// in the unsharded search's order (SearchOptions::SpaceShard).
  uint64_t Position = 0;
};

/// One execution of the search, in order.
struct Execution {
  FaultSet Faults;
  bool Violates = false;
};

struct SearchResult {
  Verdict V = Verdict::Inconclusive;
  std::vector<Execution> Executions;
  std::vector<Counterexample> Found;
  unsigned Runs = 0;
  double Seconds = 0;
  /// How many distinct fault scenarios the bounds allow (infinite when it
  /// overflows a long double), and its log10, which does not overflow.
  long double SpaceSize = 0;
  double SpaceLog10 = 0;
  /// Whether the scenarios also chose when timers fire (the program has
  /// timers and the bounds give them slack): SpaceSize counts the crash and
  /// omission scenarios, each of which has its own timer schedules.
  bool TimerFirings = false;
  /// Why an inconclusive search stopped ("max runs", "timeout", ...).
  std::string StopReason;
  unsigned SolverChecks = 0;
  /// Where the time went (seconds): executing the runs, building lineage
  /// (the grounding's run too), and the solver (learning runs, proposing
  /// sets).
  /// What LDFI adds per run is everything but EvalSeconds.
  double EvalSeconds = 0, LineageSeconds = 0, SolverSeconds = 0;
  /// Whether the failure-free run already violates.
  bool NoFaultNeeded = false;
  bool Failed = false; ///< An evaluation error was reported.
  /// The program's invariants (invariantNames). Of those for which no run
  /// had a `pre` tuple at EOT: the ones the search could not aim at, about
  /// which a certificate says nothing (LDFI without negative support, whose
  /// why-not lineage the goals of making a `pre` appear are made of; random
  /// search); and the ones it did cover (LDFI aimed faults at making their
  /// `pre` appear, or exhaustive search walked the space), whose `pre` no
  /// fault set within the bounds brings about. An invariant without any
  /// `post` rule (its `pre` is the violation, as a C++ assert's is) is in
  /// neither: no run having its `pre` is what it asks for.
  std::vector<std::string> Invariants;
  /// Of Invariants, those without `post` (invariantsWithoutPost).
  std::vector<std::string> InvariantsWithoutPost;
  std::vector<std::string> InvariantsWithoutPre;
  std::vector<std::string> InvariantsPreUnreachable;
  /// LDFI stopped aiming at `pre` tuples that only faults create once every
  /// invariant had a `pre`: `pre` is not grounded (an aggregate upstream,
  /// as the C++ frontend's message order is), so its goal is one for any
  /// tuple, which would aim at every tuple a crash removes. A certificate
  /// then covers the `pre` tuples the runs had (Molly's guarantee).
  bool PreGoalsPartial = false;
  /// Candidates not run because a node permutation that fixes the program
  /// maps them onto a set already run (symmetry).
  unsigned SymmetricSkipped = 0;
  /// LDFI's portfolio (SearchOptions::Portfolio): whether it was on, how
  /// many of Runs the exhaustive walk made, and whether the walk (not the
  /// solver) reached the verdict.
  bool Portfolio = false;
  unsigned WalkRuns = 0;
  bool WalkDecided = false;
  /// Sets the walk ran that LDFI then proposed: evaluated again for their
  /// lineage (not counted in Runs, which counts scenarios).
  unsigned Reevaluations = 0;
};

/// The invariants of P: the first column of `pre` where every rule and fact
/// for it names its invariant there (as the C++ frontend does), otherwise
/// one, "pre"; none if nothing defines `pre`.
std::vector<std::string> invariantNames(const ir::Program &P);
/// Those of invariantNames(P) that no `post` rule or fact names: a `pre`
/// alone is their violation (the C++ frontend's asserts).
std::vector<std::string> invariantsWithoutPost(const ir::Program &P);
/// Which of Names a `pre` tuple belongs to.
std::string invariantOf(const eval::Tuple &Pre, const eval::SymbolTable &Syms,
                        const std::vector<std::string> &Names);

/// A reason a certificate of a program would mean nothing (or little).
struct VacuityWarning {
  ir::SourceLoc Loc;
  std::string Message;
};

/// What the program shows before any run: no `pre` at all; an invariant
/// whose every pre rule a post rule repeats (it cannot fail); and, when the
/// nodes came from the user (--nodes), nodes no fact mentions.
std::vector<VacuityWarning> vacuityWarnings(const ir::Program &P, const Bounds &B,
                                            bool NodesFromUser);

SearchResult search(const eval::Evaluator &Ev, const Bounds &B,
                    const SearchOptions &Opts, ir::DiagnosticEngine &Diags);

/// The number of distinct fault scenarios within B: each node either never
/// crashes or crashes once at a time in 1..EOT (at most MaxCrashes do), and
/// every message channel between distinct nodes may lose its messages at each
/// send time before EFF (and before its sender's crash, or while it is down
/// when it restarts); up to MaxRestarts crashed nodes restart once, after
/// their crash. Timer schedules are not counted: each scenario has its own
/// (SearchResult::TimerFirings).
long double faultSpaceSize(const Bounds &B);
/// log10 of faultSpaceSize(B), finite also where the size itself overflows
/// a long double (many nodes and a large EFF).
double faultSpaceLog10(const Bounds &B);

} // namespace faultline::search

#endif // FAULTLINE_SEARCH_SEARCH_H
