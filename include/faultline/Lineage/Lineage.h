//===- faultline/Lineage/Lineage.h - Why good outcomes happened -*- C++ -*-===//
//
// The lineage of a run's good outcomes (its `post` tuples at EOT): a graph of
// tuple vertices, rule-firing vertices and message vertices, down to facts
// and message deliveries. A tuple holds if any of its firings holds; a firing
// holds if all its body tuples hold and its message (if any) arrived. Shared
// subderivations are one subgraph, not copies.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LINEAGE_LINEAGE_H
#define FAULTLINE_LINEAGE_LINEAGE_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Run.h"
#include "faultline/Eval/Value.h"
#include "faultline/IR/AST.h"

#include <boost/graph/adjacency_list.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::lineage {

enum class VertexKind {
  Tuple,   ///< A tuple at a time; holds if any successor firing holds.
  Firing,  ///< A rule firing; holds if all successors hold.
  Message, ///< A message between nodes; lost by an omission or a crash.
  Absent,  ///< A tuple a `notin` relied on being absent (negative support).
  NoCrash, ///< A `notin crash(...)` relied on: holds unless such a crash happens.
  Timer,   ///< A timer that fired at a step: holds unless it is delayed past it.
  NoTimer, ///< A timer that did not fire at a step: holds unless it is delayed to it.
  Either,  ///< Holds while any of its supports does (what keeps one arming from firing).
};

/// A tuple's identity across runs, `rel(v1, v2, ...)` from rendered values.
std::string tupleKey(const std::string &Relation, const std::vector<std::string> &Columns);

struct LineageVertex {
  VertexKind Kind = VertexKind::Tuple;
  eval::TupleId Tuple = 0;
  eval::FiringId Firing = 0;
  eval::MessageId Message = 0;
  /// For tuples: a fact or scenario tuple, true in every run.
  bool Given = false;
  /// For tuples: `rel(values)`, the same in every run (an outcome's identity).
  std::string Key;
  /// For tuples: the relation and the rendered values Key is made of.
  std::string Relation;
  std::vector<std::string> Columns;
  /// For messages: who sent it to whom, when. For NoCrash: which node
  /// (From, empty for any) at which time (SendTime, 0 for any). For a
  /// firing that carries volatile state from SendTime to the next step at
  /// node From (an @next head of a relation not declared durable, a
  /// message to self): what a restart of From at SendTime+1 loses.
  std::string From, To;
  int SendTime = 0;
  /// For NoCrash of any node: the crashes the run already had, which did
  /// not make the absent tuple appear.
  std::vector<Crash> Except;
  /// For Timer and NoTimer: the timer of node From that came due at Due,
  /// and the step (SendTime) at which it fired (Timer) or did not (NoTimer).
  std::string Timer;
  int Due = 0;
  /// What a person reads: the key with its time, the rule, or the message.
  std::string Label;
  /// For firings: the rule's location in its source.
  ir::SourceLoc Loc;
};

/// Edges point from what holds to what it needs: tuple -> firing ->
/// body tuple / message / absent tuple.
using LineageGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                           LineageVertex>;
using Vertex = LineageGraph::vertex_descriptor;

/// What negative support is grounded in, made once per search: one run of
/// the program with its `notin`s dropped, no faults, and every crash tuple
/// any crash could add (crashing nobody). Faults only remove messages or
/// add crash tuples, and a dropped `notin` only adds derivations, so that
/// run holds every tuple any run within the bounds can hold, except of
/// relations derived through an aggregate (Ungrounded). An absent crash
/// tuple there appears if its node crashes at its time.
class Grounding {
public:
  /// Nothing if that run fails (a limit of Limits); the coarse rule applies.
  /// FaultFreeTuples (the size of the failure-free run, when known) bounds
  /// the attempts with every crash or every selection to a multiple of it:
  /// on a program where they explode, giving up early is cheaper than
  /// reaching Limits, and only costs precision.
  static std::unique_ptr<Grounding> make(const eval::Evaluator &Ev, const Bounds &B,
                                         const eval::EvalLimits &Limits,
                                         size_t FaultFreeTuples = 0);

  /// The rule instances that might derive tuples matching A, as
  /// Evaluator::instancesDeriving lists them over Over, and whether that
  /// list is complete (false: there were too many, and it is a part).
  /// Found once per pattern and search: every run's lineage asks about the
  /// same patterns, and Over does not change.
  struct Instances {
    std::vector<eval::RuleInstance> List;
    bool Complete = true;
  };
  const Instances &instancesDeriving(const eval::TuplePattern &A) const;

  const eval::Evaluator &Ev;
  std::unique_ptr<eval::Run> Over;
  /// By relation id: whether Over may miss some of its tuples.
  std::vector<bool> Ungrounded;

private:
  explicit Grounding(const eval::Evaluator &Ev) : Ev(Ev) {}

  struct PatternHash {
    size_t operator()(const eval::TuplePattern &P) const;
  };
  struct PatternEq {
    bool operator()(const eval::TuplePattern &A, const eval::TuplePattern &B) const;
  };
  /// Patterns (their wild columns ignored) to their instances.
  mutable std::unordered_map<eval::TuplePattern, Instances, PatternHash, PatternEq> Memo;
  /// Instances held by the memo: past a bound, new patterns are answered
  /// without being kept, so that the memo cannot outgrow the runs.
  mutable size_t MemoInstances = 0;
  mutable Instances Scratch;
};

/// What lineage reads off the program alone (the relations that may
/// cause a tuple to appear, the state a restart re-initialises, the columns
/// of `pre` that must stay alive): the same for every run of a search. Kept
/// across builds when BuildOptions::Cache points at one; a search makes one.
class ProgramCache {
public:
  ProgramCache();
  ~ProgramCache();
  ProgramCache(const ProgramCache &) = delete;
  ProgramCache &operator=(const ProgramCache &) = delete;
  struct Impl;
  std::unique_ptr<Impl> I;
};

struct BuildOptions {
  /// Add Absent vertices for the `notin` subgoals firings relied on (the run
  /// must have been made with EvalOptions::NegativeSupport).
  bool NegativeSupport = true;
  /// With a grounding, an absent tuple's causes are the tuples of this run
  /// that block, at their exact times, the rule instances that might derive
  /// it; without, every tuple of a relation it negatively depends on, at any
  /// earlier time (Molly's rule, coarser).
  const Grounding *Ground = nullptr;
  /// Also build the why-not lineage of the `pre` tuples this run lacks
  /// (Lineage::PreGoals), so that the search can aim faults at making one
  /// appear. Needs NegativeSupport (its absent tuples are read the same way).
  bool PreGoals = false;
  /// Keys (PreGoal::key) of the `pre` tuples earlier runs had: the search
  /// aims at those through their `post`, so their goals are not built.
  const std::set<std::string> *PreSeen = nullptr;
  /// With restarts in the bounds, the nodes (which may restart): an absent
  /// tuple a restart could add (`restart`, re-initialised state) then has
  /// the crash that allows the restart among its causes.
  std::vector<std::string> RestartNodes;
  /// Building stops, leaving Lineage::Stopped set, once this time has passed
  /// or the process's resident memory exceeds MemoryCeiling (bytes; 0:
  /// none): a search's --timeout and --max-memory cover lineage too.
  std::optional<std::chrono::steady_clock::time_point> Deadline;
  uint64_t MemoryCeiling = 0;
  /// Program analyses shared by the builds of a search (null: each build
  /// makes its own). Only for builds of one program with the same
  /// RestartNodes.
  ProgramCache *Cache = nullptr;
  /// Whether every vertex gets the text people read (LineageVertex::Label,
  /// and a tuple's Relation, Columns and Key). Without, only the outcomes
  /// (Lineage::Outcomes) have Relation, Columns and Key, which is all a
  /// search reads: it builds a lineage per run, and rendering each vertex
  /// is most of the allocation.
  bool Labels = true;
};

/// A `pre` tuple a run lacks and that faults might bring about, with what
/// keeps it absent there: the search's goal of making it appear.
struct PreGoal {
  /// The values of the tuple (empty for any): renamed with the nodes.
  std::vector<std::string> Columns;
  /// An Absent vertex: holds while the tuple stays absent.
  Vertex Absent = 0;
  /// The tuple's `post`, when this run has it: a violation must break it too.
  std::optional<Vertex> Post;

  /// Identifies the goal across runs: `pre(values)` for one tuple of the
  /// grounding's run; `pre(_)` for any tuple this run lacks, when `pre` is
  /// not grounded (it reads `crash` or an aggregate upstream).
  std::string key() const;
};

class Lineage {
public:
  /// The lineage of every `post` tuple of R at EOT.
  static Lineage build(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                       const BuildOptions &Opts = {});
  /// The lineage of the tuples Roots of R (its Outcomes, in that order;
  /// OutcomeLiveNodes stays empty): why a `pre` tuple held, say.
  static Lineage of(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                    const std::vector<eval::TupleId> &Roots);

  LineageGraph Graph;
  /// One vertex per good outcome, in the order of the post table.
  std::vector<Vertex> Outcomes;
  /// For each outcome, the nodes that must not crash for its `pre` tuple to
  /// hold: every rule for `pre` says `notin crash(N, N, _)` of a column
  /// where the outcome names that node. Breaking such an outcome by crashing
  /// one of them cannot violate the invariant.
  std::vector<std::vector<std::string>> OutcomeLiveNodes;
  /// With BuildOptions::PreGoals: the `pre` tuples at EOT this run lacks
  /// that some run within the bounds may have (those of the grounding's run;
  /// one goal for any, when `pre` is not grounded).
  std::vector<PreGoal> PreGoals;
  /// With BuildOptions::PreGoals: the rendered values of the `pre` tuples
  /// at EOT this run has. A `pre` some run had is no longer a goal to make
  /// appear: its `post` is an outcome of that run.
  std::vector<std::vector<std::string>> PreHeld;
  /// Why building stopped early (BuildOptions::Deadline, MemoryCeiling):
  /// the graph is incomplete and must not be learnt from.
  enum class Stop { None, Deadline, Memory } Stopped = Stop::None;

  /// The lineage the run of the renamed fault set has when renaming nodes
  /// by Rename maps the program onto itself (a symmetry): node names in
  /// outcomes, messages and crashes renamed; labels left as they are.
  Lineage renamed(const std::map<std::string, std::string> &Rename) const;
  /// PreHeld as renamed() gives it, without copying the graph.
  std::vector<std::vector<std::string>>
  renamedPreHeld(const std::map<std::string, std::string> &Rename) const;

  /// Graphviz DOT: tuples as ellipses, firings as boxes (labelled with the
  /// rule's file:line), messages as diamonds, absent tuples dashed.
  void writeDot(llvm::raw_ostream &OS) const;
};

} // namespace faultline::lineage

#endif // FAULTLINE_LINEAGE_LINEAGE_H
