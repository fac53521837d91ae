//===- Lineage.cpp - Building lineage graphs from provenance --------------===//

#include "faultline/Lineage/Lineage.h"

#include "faultline/Eval/Memory.h"
#include "faultline/IR/ReservedNames.h"
#include "faultline/IR/Validate.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Boost's write_graphviz
// once it is inlined here; the warning is about Boost's iterator, not ours.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/graphviz.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace faultline::lineage {

std::string tupleKey(const std::string &Relation, const std::vector<std::string> &Columns) {
  return fmt::format("{}({})", Relation, fmt::join(Columns, ", "));
}

std::string PreGoal::key() const {
  return Columns.empty() ? fmt::format("{}(_)", ir::PreRelation)
                         : tupleKey(ir::PreRelation, Columns);
}

/// What might make a tuple of a relation appear if faults strike
/// (Builder::causesOf).
struct RelationCauses {
  std::map<std::string, bool> Relations;
  bool CrashUpstream = false;
};

struct ProgramCache::Impl {
  /// The program and restart setting the memos below are of.
  const ir::Program *Program = nullptr;
  bool Restarts = false;
  std::map<std::string, RelationCauses> CausesOf;
  std::map<std::string, bool> Reinitialised;
  std::optional<std::vector<size_t>> LiveColumns;
};

ProgramCache::ProgramCache() : I(std::make_unique<Impl>()) {}
ProgramCache::~ProgramCache() = default;

namespace {

class Builder {
public:
  Builder(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
          const BuildOptions &Opts, LineageGraph &G)
      : R(R), P(P), Syms(Syms), Opts(Opts), G(G),
        Memo(Opts.Cache ? *Opts.Cache->I : OwnMemo),
        CrashRel(R.relation(ir::CrashRelation).value_or(~eval::RelId(0))) {
    bool Restarts = !Opts.RestartNodes.empty();
    if (Memo.Program != &P || Memo.Restarts != Restarts) {
      Memo = ProgramCache::Impl();
      Memo.Program = &P;
      Memo.Restarts = Restarts;
    }
    for (const ir::TimerDecl &T : P.Timers)
      if (std::optional<eval::RelId> Rel = R.relation(T.Name))
        TimerRels.insert(*Rel);
  }

  /// The vertex of a tuple and, the first time, of everything below it.
  /// Iterative, because derivation chains are as deep as the run is long.
  Vertex tuple(eval::TupleId Root) {
    std::vector<eval::TupleId> Work;
    Vertex RootV = visit(Root, Work);
    drain(Work);
    return RootV;
  }

  /// The goals of making the `pre` tuples at EOT that R lacks appear: one
  /// per tuple of the grounding's run (which holds every tuple any run can
  /// hold) that R lacks, its why-not lineage grounded like negative
  /// support; without a grounding of `pre`, one goal for any `pre` tuple
  /// with the coarse causes of the relation.
  std::vector<PreGoal> preGoals() {
    std::vector<PreGoal> Goals;
    std::optional<eval::RelId> PreRel = R.relation(ir::PreRelation);
    if (!PreRel)
      return Goals;
    std::optional<eval::RelId> PostRel = R.relation(ir::PostRelation);
    std::vector<eval::TupleId> Work;
    if (grounded(*PreRel) && Opts.Ground->Over->EOT == R.EOT) {
      const eval::Run &Over = *Opts.Ground->Over;
      for (eval::TupleId Id : Over.table(*PreRel, Over.EOT)) {
        const eval::Tuple &Values = Over.Tuples[Id].Values;
        if (R.find(*PreRel, R.EOT, Values))
          continue;
        PreGoal Goal;
        Goal.Columns = rendered(Values);
        if (Opts.PreSeen && Opts.PreSeen->count(Goal.key()))
          continue;
        Goal.Absent = groundedAbsent({*PreRel, R.EOT, Values, {}});
        if (PostRel)
          if (std::optional<eval::TupleId> Post = R.find(*PostRel, R.EOT, Values))
            Goal.Post = visit(*Post, Work);
        Goals.push_back(std::move(Goal));
      }
    } else {
      PreGoal Goal;
      LineageVertex Any;
      Any.Kind = VertexKind::Absent;
      Any.Label = fmt::format("no {} tuple beyond this run's@{}", ir::PreRelation, R.EOT);
      Goal.Absent = boost::add_vertex(Any, G);
      boost::add_edge(Goal.Absent, causes(*PreRel, R.EOT, Work), G);
      Goals.push_back(std::move(Goal));
    }
    drain(Work);
    return Goals;
  }

  /// The values of a tuple as people (and keys) read them.
  std::vector<std::string> rendered(const eval::Tuple &Values) const {
    std::vector<std::string> Columns;
    for (eval::Value Column : Values)
      Columns.push_back(Syms.render(Column));
    return Columns;
  }

private:
  /// Expands what is queued until nothing is.
  void drain(std::vector<eval::TupleId> &Work) {
    while (!Work.empty() || !GroundWork.empty()) {
      if (Stopped != Lineage::Stop::None ||
          ((++Steps & 1023) == 0 && (Stopped = limitReached()) != Lineage::Stop::None)) {
        Work.clear();
        GroundWork.clear();
        return;
      }
      if (Work.empty()) {
        auto [Pattern, V] = GroundWork.back();
        GroundWork.pop_back();
        expandGrounded(Pattern, V, Work);
        continue;
      }
      eval::TupleId Id = Work.back();
      Work.pop_back();
      Vertex TV = TupleVertices.at(Id);
      if (auto Fired = R.TimerFirings.find(Id); Fired != R.TimerFirings.end())
        boost::add_edge(TV, timerFiring(R.Timers[Fired->second], Work), G);
      for (eval::FiringId FId : R.Tuples[Id].Firings) {
        const eval::Firing &F = R.Firings[FId];
        Vertex FV = addFiring(FId, Id);
        boost::add_edge(TV, FV, G);
        for (eval::TupleId Body : F.Body)
          boost::add_edge(FV, visit(Body, Work), G);
        if (F.Message)
          boost::add_edge(FV, message(*F.Message), G);
        if (Opts.NegativeSupport)
          for (const eval::AbsentTuple &A : F.Absent)
            boost::add_edge(FV, absent(A, Work), G);
      }
    }
  }

  /// Whether the deadline passed or memory ran over (checked every 1024
  /// expansions, where the graph grows).
  Lineage::Stop limitReached() const {
    if (Opts.Deadline && std::chrono::steady_clock::now() >= *Opts.Deadline)
      return Lineage::Stop::Deadline;
    if (Opts.MemoryCeiling && eval::residentBytes() > Opts.MemoryCeiling)
      return Lineage::Stop::Memory;
    return Lineage::Stop::None;
  }

public:
  Lineage::Stop Stopped = Lineage::Stop::None;

private:
  uint64_t Steps = 0;

  /// The vertex of a tuple; the first time, its derivations are queued.
  Vertex visit(eval::TupleId Id, std::vector<eval::TupleId> &Work) {
    auto [It, New] = TupleVertices.try_emplace(Id, 0);
    if (New) {
      It->second = addTuple(Id);
      Work.push_back(Id);
    }
    return It->second;
  }

  /// A tuple a `notin` relied on being absent, supported by the tuples
  /// whose loss might make it appear: breaking any of them breaks the
  /// support. Grounded (Opts.Ground), those are the tuples of this run that
  /// block, at their exact times, the instances of rules that might derive
  /// it; otherwise, as in Molly, the tuples of every relation it negatively
  /// depends on (causesOf), before it in time or at its time through
  /// same-time rules, shared per relation and time.
  Vertex absent(const eval::AbsentTuple &A, std::vector<eval::TupleId> &Work) {
    if (TimerRels.count(A.Rel))
      return timerAbsent(A, Work);
    if (R.RelNames[A.Rel] != ir::CrashRelation && grounded(A.Rel))
      return groundedAbsent(A);
    Vertex Out = boost::add_vertex(absentVertex(A), G);
    if (R.RelNames[A.Rel] == ir::CrashRelation)
      boost::add_edge(Out, noCrash(A), G);
    else
      boost::add_edge(Out, causes(A.Rel, A.Time, Work), G);
    return Out;
  }

  LineageVertex absentVertex(const eval::TuplePattern &A) const {
    LineageVertex V;
    V.Kind = VertexKind::Absent;
    if (!Opts.Labels)
      return V;
    std::string Cols;
    for (size_t I = 0; I < A.Values.size(); ++I) {
      if (I)
        Cols += ", ";
      Cols += A.wild(I) ? std::string("_") : Syms.render(A.Values[I]);
    }
    V.Label = fmt::format("notin {}({})@{}", R.RelNames[A.Rel], Cols, A.Time);
    return V;
  }

  bool grounded(eval::RelId Rel) const {
    return Opts.Ground && Rel < Opts.Ground->Ungrounded.size() && !Opts.Ground->Ungrounded[Rel];
  }

  /// The vertex of an absent tuple pattern, shared by every firing and
  /// instance that needs it; its causes are found later (expandGrounded).
  Vertex groundedAbsent(const eval::TuplePattern &A) {
    eval::TuplePattern Key = A;
    Key.Wild.resize(Key.Values.size(), false);
    for (size_t I = 0; I < Key.Values.size(); ++I)
      if (Key.Wild[I])
        Key.Values[I] = eval::Value();
    auto Id = std::make_tuple(Key.Rel, Key.Time, Key.Values, Key.Wild);
    if (auto It = GroundedVertices.find(Id); It != GroundedVertices.end())
      return It->second;
    Vertex Out = boost::add_vertex(absentVertex(Key), G);
    GroundedVertices.emplace(std::move(Id), Out);
    GroundWork.push_back({std::move(Key), Out});
    return Out;
  }

  /// For every instance of a rule that might derive the pattern (its
  /// positive atoms from the grounding's run): the `notin` atoms this run
  /// has, at their exact times, are causes; a positive atom this run lacks
  /// is followed as an absent tuple in turn. A `notin crash` that holds
  /// stays so in the runs this one's guard admits (they keep its crashes).
  void expandGrounded(const eval::TuplePattern &A, Vertex Out,
                      std::vector<eval::TupleId> &Work) {
    std::set<Vertex> Causes;
    if (!Opts.RestartNodes.empty())
      restartCauses(A, Causes);
    auto OnInstance = [&](const eval::RuleInstance &I) {
      for (const eval::TuplePattern &N : I.Negatives) {
        if (N.Rel == CrashRel || N.Time < 0 || N.Time > R.EOT + 1)
          continue;
        if (std::none_of(N.Wild.begin(), N.Wild.end(), [](bool W) { return W; })) {
          // One lookup instead of a scan.
          if (std::optional<eval::TupleId> Id = R.find(N.Rel, N.Time, N.Values))
            Causes.insert(visit(*Id, Work));
          continue;
        }
        for (eval::TupleId Id : R.table(N.Rel, N.Time))
          if (N.matches(R.Tuples[Id].Values))
            Causes.insert(visit(Id, Work));
      }
      for (const eval::TuplePattern &P : I.Positives) {
        if (R.find(P.Rel, P.Time, P.Values))
          continue;
        if (TimerRels.count(P.Rel)) {
          Causes.insert(timerAbsent(P, Work));
        } else if (P.Rel == CrashRel) {
          // It appears if its node crashes at its time; a node this run
          // crashes keeps its crash time in the runs its guard admits.
          if (!crashesInRun(P))
            Causes.insert(noCrash(P));
        } else
          Causes.insert(grounded(P.Rel) ? groundedAbsent(P) : causes(P.Rel, P.Time, Work));
      }
    };
    const Grounding::Instances &Instances = Opts.Ground->instancesDeriving(A);
    for (const eval::RuleInstance &I : Instances.List)
      OnInstance(I);
    if (!Instances.Complete)
      Causes.insert(causes(A.Rel, A.Time, Work)); // too many to list: the coarse rule
    for (Vertex C : Causes)
      boost::add_edge(Out, C, G);
  }

  /// What a restart adds at its step (docs/ir-reference.md, "Restarts"):
  /// `restart(N, T)`, and N's initial facts of volatile state. A tuple
  /// matching A may appear if such a node restarts at A's time, which a
  /// crash by the step before allows. The solver has no restart variables
  /// (docs/design.md, "Restarts"), so that crash is the cause it sees: the
  /// search tries the crash's restart times as variants of the candidate.
  void restartCauses(const eval::TuplePattern &A, std::set<Vertex> &Causes) {
    if (A.Time < 2 || A.Time > R.EOT)
      return;
    const std::string &Rel = R.RelNames[A.Rel];
    auto Matches = [&](size_t I, const ir::Term &T) {
      if (I >= A.Values.size() || A.wild(I))
        return true;
      eval::Value V = A.Values[I];
      return T.K == ir::Term::Kind::Integer
                 ? V.isInt() && V.V == T.Int
                 : V.isStr() && Syms.text(static_cast<uint32_t>(V.V)) == T.Text;
    };
    std::set<std::string> Nodes;
    if (Rel == ir::RestartRelation) {
      if (A.Values.empty() || A.wild(0)) {
        Nodes.insert(Opts.RestartNodes.begin(), Opts.RestartNodes.end());
      } else if (A.Values[0].isStr()) {
        Nodes.insert(Syms.text(static_cast<uint32_t>(A.Values[0].V)));
      }
    } else if (reinitialised(Rel)) {
      for (const ir::Fact &F : P.Facts) {
        if (F.Time != 1 || F.Head.Relation != Rel || F.Head.Args.empty() ||
            F.Head.Args[0].K == ir::Term::Kind::Integer)
          continue;
        bool All = true;
        for (size_t I = 0; I < F.Head.Args.size() && All; ++I)
          All = Matches(I, F.Head.Args[I]);
        if (All)
          Nodes.insert(F.Head.Args[0].Text);
      }
    }
    for (const std::string &N : Nodes) {
      LineageVertex V;
      V.Kind = VertexKind::NoCrash;
      V.From = N;
      // crashes(N, any time, except N@T) reads "N crashed before T".
      V.Except = {Crash{N, A.Time}};
      V.Label = fmt::format("no restart of {} at {} (no crash of it before)", N, A.Time);
      Causes.insert(boost::add_vertex(V, G));
    }
  }

  /// Whether a restart re-initialises Rel from its facts: state that
  /// `@next` rules carry, that is not durable and has facts at time 1.
  bool reinitialised(const std::string &Rel) {
    auto It = Memo.Reinitialised.find(Rel);
    if (It != Memo.Reinitialised.end())
      return It->second;
    bool Carried = !P.durable(Rel) &&
                   llvm::any_of(P.Rules,
                                [&](const ir::Rule &Ru) {
                                  return Ru.Time == ir::HeadTime::Next && Ru.Head.Relation == Rel;
                                }) &&
                   llvm::any_of(P.Facts, [&](const ir::Fact &F) {
                     return F.Time == 1 && F.Head.Relation == Rel;
                   });
    return Memo.Reinitialised.emplace(Rel, Carried).first->second;
  }

  /// A timer's firing needs its arm tuple, that the scenario does not
  /// delay it past the step it fired at (a Timer vertex), and, as negative
  /// support, that no cancel or re-arm of it came while it was pending: a
  /// fault that brings one about (a lost message a `notin` waited for)
  /// takes the firing away.
  Vertex timerFiring(const eval::TimerArming &A, std::vector<eval::TupleId> &Work) {
    LineageVertex F;
    F.Kind = VertexKind::Firing;
    F.Label = fmt::format("timer {}.{} armed at {}, due {}", A.Node, A.Timer, A.ArmTime, A.Due);
    Vertex Out = boost::add_vertex(F, G);
    boost::add_edge(Out, visit(A.ArmTuple, Work), G);
    if (Opts.NegativeSupport) {
      const ir::TimerDecl *Decl = P.timer(A.Timer);
      eval::Value Node = R.Tuples[A.ArmTuple].Values[0];
      std::optional<eval::RelId> Arm = R.relation(Decl->armRelation());
      std::optional<eval::RelId> Cancel = R.relation(Decl->cancelRelation());
      for (int Step = A.ArmTime + 1; Step < A.FiredAt; ++Step) {
        if (Cancel)
          boost::add_edge(Out, absent({*Cancel, Step, {Node}, {}}, Work), G);
        if (Arm)
          boost::add_edge(Out, absent({*Arm, Step, {Node, eval::Value()}, {false, true}}, Work),
                          G);
      }
    }
    LineageVertex T;
    T.Kind = VertexKind::Timer;
    T.From = A.Node;
    T.Timer = A.Timer;
    T.Due = A.Due;
    T.SendTime = A.FiredAt;
    T.Label = fmt::format("{}.{} fires at {}", A.Node, A.Timer, A.FiredAt);
    boost::add_edge(Out, boost::add_vertex(T, G), G);
    return Out;
  }

  /// A timer firing that did not happen at a step stays absent while no
  /// arm tuple that this run lacks appears early enough (armsAbsent), and
  /// while each arming of the run whose window (its due step to the slack
  /// after it) holds the step is kept from firing there: by any of the
  /// cancels and re-arms of its node between its arming and the step, or
  /// by the scenario not delaying it to exactly that step (NoTimer). Only
  /// losing every such blocker lets it fire, so they are one Either vertex.
  /// A timer armed only in other runs is not seen here: those runs bring
  /// their own lineage.
  Vertex timerAbsent(const eval::TuplePattern &A, std::vector<eval::TupleId> &Work) {
    // Shared by every firing that relied on it, as grounded ones are.
    std::vector<bool> Wild = A.Wild;
    Wild.resize(A.Values.size(), false);
    eval::Tuple Values = A.Values;
    for (size_t I = 0; I < Values.size(); ++I)
      if (Wild[I])
        Values[I] = eval::Value();
    auto Key = std::make_tuple(A.Rel, A.Time, std::move(Values), std::move(Wild));
    if (auto It = TimerAbsentVertices.find(Key); It != TimerAbsentVertices.end())
      return It->second;
    Vertex Out = boost::add_vertex(absentVertex(A), G);
    TimerAbsentVertices.emplace(std::move(Key), Out);
    int At = A.Time;
    armsAbsent(A, Out, Work);
    const ir::TimerDecl *Decl = P.timer(R.RelNames[A.Rel]);
    std::optional<eval::RelId> ArmRel = R.relation(Decl->armRelation());
    std::optional<eval::RelId> CancelRel = R.relation(Decl->cancelRelation());
    for (const eval::TimerArming &Arming : R.Timers) {
      eval::Value Node = R.Tuples[Arming.ArmTuple].Values[0];
      if (Arming.Rel != A.Rel || At < Arming.Due || At > Arming.Due + R.TimerSlack ||
          At == Arming.FiredAt || (!A.wild(0) && !A.Values.empty() && A.Values[0] != Node))
        continue;
      std::vector<Vertex> Blockers;
      for (int Step = Arming.ArmTime + 1; Step < At; ++Step)
        for (std::optional<eval::RelId> Rel : {ArmRel, CancelRel})
          if (Rel)
            for (eval::TupleId Id : R.table(*Rel, Step))
              if (R.Tuples[Id].Values[0] == Node)
                Blockers.push_back(visit(Id, Work));
      LineageVertex V;
      V.Kind = VertexKind::NoTimer;
      V.From = Arming.Node;
      V.Timer = Arming.Timer;
      V.Due = Arming.Due;
      V.SendTime = At;
      V.Label = fmt::format("{}.{} (due {}) does not fire at {}", Arming.Node, Arming.Timer,
                            Arming.Due, At);
      Blockers.push_back(boost::add_vertex(V, G));
      if (Blockers.size() == 1) {
        boost::add_edge(Out, Blockers.front(), G);
        continue;
      }
      LineageVertex Either;
      Either.Kind = VertexKind::Either;
      Either.Label = fmt::format("{}.{} armed at {} kept from firing at {}", Arming.Node,
                                 Arming.Timer, Arming.ArmTime, At);
      Vertex E = boost::add_vertex(Either, G);
      boost::add_edge(Out, E, G);
      for (Vertex B : Blockers)
        boost::add_edge(E, B, G);
    }
    return Out;
  }

  /// The arm tuples this run lacks that would make the timer of pattern A
  /// due by A's step: at each earlier step, each delay that reaches it and
  /// is shorter than the run's own arming there (the shortest one wins).
  /// Without a node, the coarse causes of the arm relation.
  void armsAbsent(const eval::TuplePattern &A, Vertex Out, std::vector<eval::TupleId> &Work) {
    const ir::TimerDecl *Decl = P.timer(R.RelNames[A.Rel]);
    std::optional<eval::RelId> Arm = Decl ? R.relation(Decl->armRelation()) : std::nullopt;
    if (!Arm)
      return;
    bool AnyNode = A.wild(0) || A.Values.empty();
    for (int Step = 1; Step < A.Time; ++Step) {
      if (AnyNode) {
        boost::add_edge(Out, causes(*Arm, Step, Work), G);
        continue;
      }
      int Shortest = A.Time - Step;
      for (eval::TupleId Id : R.table(*Arm, Step)) {
        const eval::Tuple &Row = R.Tuples[Id].Values;
        if (Row[0] == A.Values[0] && Row[1].isInt() && Row[1].V <= Shortest)
          Shortest = static_cast<int>(Row[1].V) - 1;
      }
      for (int Delay = 1; Delay <= Shortest; ++Delay)
        boost::add_edge(
            Out, absent({*Arm, Step, {A.Values[0], eval::Value::integer(Delay)}, {}}, Work), G);
    }
  }

  /// Whether R crashes the node of the crash pattern A (column 1).
  bool crashesInRun(const eval::TuplePattern &A) const {
    if (A.Values.size() < 2 || !A.Values[1].isStr())
      return false;
    return R.Faults.crashTime(Syms.text(static_cast<uint32_t>(A.Values[1].V))).has_value();
  }

  /// The scenario's crashes are not derived: `notin crash(_, N, T)` holds
  /// unless N crashes (at T, if T is given).
  Vertex noCrash(const eval::AbsentTuple &A) {
    LineageVertex V;
    V.Kind = VertexKind::NoCrash;
    auto Column = [&](size_t I) -> std::optional<eval::Value> {
      if (I >= A.Values.size() || A.wild(I))
        return std::nullopt;
      return A.Values[I];
    };
    if (auto Node = Column(1); Node && Node->isStr())
      V.From = Syms.text(static_cast<uint32_t>(Node->V));
    if (auto Time = Column(2); Time && Time->isInt())
      V.SendTime = static_cast<int>(Time->V);
    V.Label = fmt::format("no crash of {}{}", V.From.empty() ? "any node" : V.From,
                          V.SendTime ? fmt::format(" at {}", V.SendTime) : "");
    return boost::add_vertex(V, G);
  }

  Vertex causes(eval::RelId Rel, int Time, std::vector<eval::TupleId> &Work) {
    auto Key = std::make_pair(Rel, Time);
    if (auto It = CauseVertices.find(Key); It != CauseVertices.end())
      return It->second;
    LineageVertex V;
    V.Kind = VertexKind::Firing;
    if (Opts.Labels)
      V.Label = fmt::format("possible causes of {}@{}", R.RelNames[Rel], Time);
    Vertex Out = boost::add_vertex(V, G);
    CauseVertices.emplace(Key, Out);
    const RelationCauses &C = causesOf(R.RelNames[Rel]);
    for (const auto &[Name, SameTime] : C.Relations)
      if (auto Q = R.relation(Name))
        if (std::optional<Vertex> Upto = tuplesUpTo(*Q, SameTime ? Time : Time - 1, Work))
          boost::add_edge(Out, *Upto, G);
    if (C.CrashUpstream) {
      LineageVertex NoCrash;
      NoCrash.Kind = VertexKind::NoCrash;
      NoCrash.Except = R.Faults.Crashes;
      NoCrash.Label = R.Faults.Crashes.empty() ? "no crash of any node"
                                               : "no crash besides this run's";
      boost::add_edge(Out, boost::add_vertex(NoCrash, G), G);
    }
    return Out;
  }

  /// A vertex that holds while every tuple of Rel at times 1..Time does,
  /// or nothing when there are none. Chained (the one up to Time needs the
  /// one up to Time - 1 and the tuples at Time), so that the causes of
  /// absent tuples at every time step share them: listing each time's
  /// tuples again for every later step made lineage quadratic in EOT.
  std::optional<Vertex> tuplesUpTo(eval::RelId Rel, int Time, std::vector<eval::TupleId> &Work) {
    std::vector<std::optional<Vertex>> &Chain = Prefixes[Rel];
    if (Time < 1)
      return std::nullopt;
    while (static_cast<int>(Chain.size()) < Time) {
      int T = static_cast<int>(Chain.size()) + 1;
      std::optional<Vertex> Before = Chain.empty() ? std::nullopt : Chain.back();
      const std::vector<eval::TupleId> &Rows = R.table(Rel, T);
      if (Rows.empty()) {
        Chain.push_back(Before);
        continue;
      }
      LineageVertex V;
      V.Kind = VertexKind::Firing;
      if (Opts.Labels)
        V.Label = fmt::format("every {} tuple up to @{}", R.RelNames[Rel], T);
      Vertex Upto = boost::add_vertex(V, G);
      if (Before)
        boost::add_edge(Upto, *Before, G);
      for (eval::TupleId Id : Rows)
        boost::add_edge(Upto, visit(Id, Work), G);
      Chain.push_back(Upto);
    }
    return Chain[Time - 1];
  }

  /// What might make a tuple of Rel appear if faults strike. Losing
  /// messages only removes tuples, and removing tuples removes derivations,
  /// except where a rule upstream of Rel reads a relation negatively (or
  /// aggregates it): there, a tuple that disappears can let a derivation
  /// through. So the causes are the relations negated or aggregated by
  /// rules from which Rel is derivable through positive subgoals, each with
  /// whether that holds within one time step; and a crash can add tuples
  /// wherever `crash` is read positively upstream.
  const RelationCauses &causesOf(const std::string &Rel) {
    if (auto It = Memo.CausesOf.find(Rel); It != Memo.CausesOf.end())
      return It->second;
    RelationCauses Out;
    auto Note = [&Out](const std::string &Name, bool SameTime) {
      auto [It, New] = Out.Relations.try_emplace(Name, SameTime);
      if (!New)
        It->second = It->second || SameTime;
    };
    std::vector<std::pair<std::string, bool>> Stack{{Rel, true}};
    std::set<std::pair<std::string, bool>> Seen;
    while (!Stack.empty()) {
      auto [Head, SameTime] = Stack.back();
      Stack.pop_back();
      if (!Seen.insert({Head, SameTime}).second)
        continue;
      // A restart adds its `restart` tuple and re-initialised state.
      if (!Opts.RestartNodes.empty() && (Head == ir::RestartRelation || reinitialised(Head)))
        Out.CrashUpstream = true;
      for (const ir::Rule &Rule : P.Rules) {
        if (Rule.Head.Relation != Head)
          continue;
        for (const ir::BodyElem &E : Rule.Body) {
          const auto *Atom = std::get_if<ir::Atom>(&E);
          if (!Atom)
            continue;
          bool Same = SameTime && Rule.Time == ir::HeadTime::Now && !Atom->AtTime;
          if (Atom->Negated || Rule.hasAggregate())
            Note(Atom->Relation, Same);
          if (Atom->Negated)
            continue;
          if (Atom->Relation == ir::CrashRelation)
            Out.CrashUpstream = true;
          Stack.push_back({Atom->Relation, Same});
        }
      }
    }
    return Memo.CausesOf.emplace(Rel, std::move(Out)).first->second;
  }

  Vertex addTuple(eval::TupleId Id) {
    const eval::TupleRecord &T = R.Tuples[Id];
    LineageVertex V;
    V.Kind = VertexKind::Tuple;
    V.Tuple = Id;
    // A timer's firing depends on the run (its arming, the scenario's delay).
    V.Given = T.Origin != eval::TupleOrigin::Derived && T.Origin != eval::TupleOrigin::Timer;
    if (Opts.Labels)
      describe(V);
    return boost::add_vertex(V, G);
  }

public:
  /// Gives a tuple vertex the text people read: its relation, rendered
  /// columns, key and label (once).
  void describe(LineageVertex &V) const {
    if (V.Kind != VertexKind::Tuple || !V.Key.empty())
      return;
    const eval::TupleRecord &T = R.Tuples[V.Tuple];
    V.Relation = R.RelNames[T.Rel];
    V.Columns = rendered(T.Values);
    V.Key = tupleKey(V.Relation, V.Columns);
    V.Label = fmt::format("{}@{}", V.Key, T.Time);
  }

private:

  Vertex addFiring(eval::FiringId Id, eval::TupleId Head) {
    const eval::Firing &F = R.Firings[Id];
    const ir::Rule &Rule = P.Rules[F.Rule];
    LineageVertex V;
    V.Kind = VertexKind::Firing;
    V.Firing = Id;
    V.Loc = Rule.Loc;
    // A carry-over of volatile state into the next step (an @next head of a
    // relation not declared durable, or a message to self): a restart of
    // its node at that step loses it.
    const eval::Tuple &Values = R.Tuples[Head].Values;
    bool Carried = (Rule.Time == ir::HeadTime::Next && !P.durable(Rule.Head.Relation)) ||
                   (Rule.Time == ir::HeadTime::Async && !F.Message);
    if (Carried && !Values.empty() && Values[0].isStr()) {
      V.From = Syms.text(static_cast<uint32_t>(Values[0].V));
      V.SendTime = F.Time;
    }
    if (Opts.Labels)
      V.Label = fmt::format("rule {} ({}:{})@{}", Rule.Head.Relation, P.fileName(Rule.Loc),
                            Rule.Loc.Line, F.Time);
    return boost::add_vertex(V, G);
  }

  Vertex message(eval::MessageId Id) {
    if (auto It = MessageVertices.find(Id); It != MessageVertices.end())
      return It->second;
    const eval::Message &M = R.Messages[Id];
    LineageVertex V;
    V.Kind = VertexKind::Message;
    V.Message = Id;
    V.From = M.From;
    V.To = M.To;
    V.SendTime = M.SendTime;
    if (Opts.Labels)
      V.Label = fmt::format("{} -> {} @{}", M.From, M.To, M.SendTime);
    Vertex Out = boost::add_vertex(V, G);
    MessageVertices[Id] = Out;
    return Out;
  }

  const eval::Run &R;
  const ir::Program &P;
  const eval::SymbolTable &Syms;
  const BuildOptions &Opts;
  LineageGraph &G;
  /// The program's analyses (causesOf, reinitialised): the search's, or
  /// this build's own.
  ProgramCache::Impl OwnMemo;
  ProgramCache::Impl &Memo;
  std::unordered_map<eval::TupleId, Vertex> TupleVertices;
  std::unordered_map<eval::MessageId, Vertex> MessageVertices;
  std::map<std::pair<eval::RelId, int>, Vertex> CauseVertices;
  /// By relation: tuplesUpTo(Rel, T) at T - 1.
  std::unordered_map<eval::RelId, std::vector<std::optional<Vertex>>> Prefixes;
  eval::RelId CrashRel;
  std::set<eval::RelId> TimerRels;
  std::map<std::tuple<eval::RelId, int, eval::Tuple, std::vector<bool>>, Vertex>
      TimerAbsentVertices;
  std::map<std::tuple<eval::RelId, int, eval::Tuple, std::vector<bool>>, Vertex> GroundedVertices;
  std::vector<std::pair<eval::TuplePattern, Vertex>> GroundWork;
};

} // namespace

/// The columns of `pre` that every rule for it requires to be a node that
/// never crashes: `notin crash(X, V, _)` where V is that head column's
/// variable and X is V or `_`.
static std::vector<size_t> liveColumnsOfPre(const ir::Program &P) {
  std::vector<size_t> Columns;
  bool First = true;
  for (const ir::Rule &Rule : P.Rules) {
    if (Rule.Head.Relation != ir::PreRelation)
      continue;
    std::vector<size_t> Mine;
    for (size_t I = 0; I < Rule.Head.Args.size(); ++I) {
      const ir::Term &H = Rule.Head.Args[I];
      if (H.K != ir::Term::Kind::Variable)
        continue;
      for (const ir::BodyElem &E : Rule.Body) {
        const auto *A = std::get_if<ir::Atom>(&E);
        if (A && A->Negated && A->Relation == ir::CrashRelation && A->Args.size() == 3 &&
            A->Args[1].K == ir::Term::Kind::Variable && A->Args[1].Text == H.Text &&
            (A->Args[0].K == ir::Term::Kind::Wildcard ||
             (A->Args[0].K == ir::Term::Kind::Variable && A->Args[0].Text == H.Text)) &&
            A->Args[2].K == ir::Term::Kind::Wildcard) {
          Mine.push_back(I);
          break;
        }
      }
    }
    if (First)
      Columns = Mine;
    else
      Columns.erase(std::remove_if(Columns.begin(), Columns.end(),
                                   [&](size_t C) {
                                     return std::find(Mine.begin(), Mine.end(), C) == Mine.end();
                                   }),
                    Columns.end());
    First = false;
  }
  for (const ir::Fact &F : P.Facts)
    if (F.Head.Relation == ir::PreRelation)
      return {}; // a fact for pre holds whatever crashes
  return Columns;
}

Lineage Lineage::build(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                       const BuildOptions &Opts) {
  Lineage L;
  Builder B(R, P, Syms, Opts, L.Graph);
  std::optional<std::vector<size_t>> OwnLive;
  std::optional<std::vector<size_t>> &LiveMemo = Opts.Cache ? Opts.Cache->I->LiveColumns : OwnLive;
  if (!LiveMemo)
    LiveMemo = liveColumnsOfPre(P);
  const std::vector<size_t> &Live = *LiveMemo;
  if (auto Post = R.relation(ir::PostRelation))
    for (eval::TupleId Id : R.table(*Post, R.EOT)) {
      L.Outcomes.push_back(B.tuple(Id));
      B.describe(L.Graph[L.Outcomes.back()]); // its key names the solver's goal
      std::vector<std::string> Nodes;
      for (size_t C : Live) {
        const eval::Tuple &V = R.Tuples[Id].Values;
        if (C < V.size() && V[C].isStr())
          Nodes.push_back(Syms.text(static_cast<uint32_t>(V[C].V)));
      }
      L.OutcomeLiveNodes.push_back(std::move(Nodes));
    }
  if (Opts.PreGoals && Opts.NegativeSupport) {
    L.PreGoals = B.preGoals();
    if (auto Pre = R.relation(ir::PreRelation))
      for (eval::TupleId Id : R.table(*Pre, R.EOT))
        L.PreHeld.push_back(B.rendered(R.Tuples[Id].Values));
  }
  L.Stopped = B.Stopped;
  return L;
}

static std::string renamedNode(const std::string &N,
                               const std::map<std::string, std::string> &Rename) {
  auto It = Rename.find(N);
  return It == Rename.end() ? N : It->second;
}

/// A rendered string column names a node if Rename has it.
static std::string renamedColumn(const std::string &Column,
                                 const std::map<std::string, std::string> &Rename) {
  if (Column.size() >= 2 && Column.front() == '"' && Column.back() == '"')
    return '"' + renamedNode(Column.substr(1, Column.size() - 2), Rename) + '"';
  return Column;
}

std::vector<std::vector<std::string>>
Lineage::renamedPreHeld(const std::map<std::string, std::string> &Rename) const {
  std::vector<std::vector<std::string>> Out = PreHeld;
  for (std::vector<std::string> &Columns : Out)
    for (std::string &Column : Columns)
      Column = renamedColumn(Column, Rename);
  return Out;
}

Lineage Lineage::renamed(const std::map<std::string, std::string> &Rename) const {
  auto Node = [&Rename](const std::string &N) { return renamedNode(N, Rename); };
  Lineage Out = *this;
  for (auto [V, End] = boost::vertices(Out.Graph); V != End; ++V) {
    LineageVertex &LV = Out.Graph[*V];
    switch (LV.Kind) {
    case VertexKind::Tuple:
      if (LV.Key.empty()) // built without labels: not an outcome
        break;
      for (std::string &Column : LV.Columns)
        Column = renamedColumn(Column, Rename);
      LV.Key = tupleKey(LV.Relation, LV.Columns);
      break;
    case VertexKind::Message:
      LV.From = Node(LV.From);
      LV.To = Node(LV.To);
      break;
    case VertexKind::NoCrash:
      if (!LV.From.empty())
        LV.From = Node(LV.From);
      for (Crash &C : LV.Except)
        C.Node = Node(C.Node);
      break;
    case VertexKind::Timer:
    case VertexKind::NoTimer:
      LV.From = Node(LV.From);
      break;
    case VertexKind::Firing:
      if (!LV.From.empty())
        LV.From = Node(LV.From);
      break;
    case VertexKind::Absent:
    case VertexKind::Either:
      break;
    }
  }
  for (std::vector<std::string> &Nodes : Out.OutcomeLiveNodes)
    for (std::string &N : Nodes)
      N = Node(N);
  Out.PreHeld = renamedPreHeld(Rename);
  for (PreGoal &Goal : Out.PreGoals)
    for (std::string &Column : Goal.Columns)
      Column = renamedColumn(Column, Rename);
  return Out;
}

Lineage Lineage::of(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                    const std::vector<eval::TupleId> &Roots) {
  Lineage L;
  // Positive lineage only: what made the roots hold, as a report tells it.
  BuildOptions Opts;
  Opts.NegativeSupport = false;
  Builder B(R, P, Syms, Opts, L.Graph);
  for (eval::TupleId Id : Roots)
    L.Outcomes.push_back(B.tuple(Id));
  return L;
}

void Lineage::writeDot(llvm::raw_ostream &OS) const {
  auto Attributes = [this](std::ostream &Out, Vertex V) {
    const LineageVertex &LV = Graph[V];
    const char *Style = "";
    switch (LV.Kind) {
    case VertexKind::Tuple:
      Style = LV.Given ? "shape=ellipse, style=filled, fillcolor=lightgrey"
                       : "shape=ellipse";
      break;
    case VertexKind::Firing:
      Style = "shape=box, color=blue";
      break;
    case VertexKind::Message:
      Style = "shape=diamond, color=red";
      break;
    case VertexKind::Absent:
      Style = "shape=ellipse, style=dashed";
      break;
    case VertexKind::Either:
      Style = "shape=box, style=dashed";
      break;
    case VertexKind::NoCrash:
      Style = "shape=octagon, color=red";
      break;
    case VertexKind::Timer:
    case VertexKind::NoTimer:
      Style = "shape=hexagon, color=red";
      break;
    }
    Out << "[label=" << boost::escape_dot_string(LV.Label) << ", " << Style << "]";
  };
  std::ostringstream Text;
  boost::write_graphviz(Text, Graph, Attributes);
  OS << Text.str();
}

} // namespace faultline::lineage
