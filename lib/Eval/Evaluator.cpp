//===- Evaluator.cpp - Time-stepped, provenance-recording execution -------===//
//
// One time step: insert what holds at its start (facts, @next heads and
// messages from the previous step, the scenario's crash tuples), run each
// stratum of deductive rules to a fixpoint, then fire the @next and @async
// rules on the completed step to seed the next one.
//
// Within a stratum, round r derives from the tables as they stood after
// round r-1; its heads are buffered and inserted together, ranked r. That
// makes the provenance well-founded by construction: a firing is recorded
// only for a head first derived in the firing's own round, so every body
// tuple ranks strictly below its head and no derivation can be circular.
// A stratum with a negation cycle runs in passes, and all but the last are
// retracted (see "Negation cycles" below).
//
//===----------------------------------------------------------------------===//

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Memory.h"

#include "faultline/IR/ReservedNames.h"

#include "CompiledRule.h"
#include "StratumSnapshot.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace faultline::eval {

namespace {

/// Raised inside a run for an error in the program's arithmetic or a limit
/// it exceeded; caught at the run's boundary and reported as a diagnostic.
struct EvalError {
  ir::SourceLoc Loc;
  std::string Message;
  std::vector<std::pair<ir::SourceLoc, std::string>> Notes = {};
};

/// Raised inside a run when EvalLimits::Deadline has passed.
struct DeadlinePassed {};

/// Rows of one table, grouped by the values of some columns.
struct ColumnIndex {
  std::vector<uint32_t> Cols; ///< In increasing order.
  size_t Covered = 0; ///< Rows of the table already indexed.
  std::unordered_map<Tuple, std::vector<TupleId>, TupleHash> Groups;
};

struct PendingHead {
  std::vector<Firing> Firings;
};

} // namespace

Evaluator::Evaluator(const ir::Program &P, ir::Stratification S)
    : Prog(P), Strata(std::move(S)) {
  std::map<std::string, RelId> Ids;
  auto RelOf = [&](const std::string &Name) {
    auto [It, Inserted] = Ids.try_emplace(Name, static_cast<RelId>(RelNames.size()));
    if (Inserted)
      RelNames.push_back(Name);
    return It->second;
  };
  CrashRel = RelOf(ir::CrashRelation);
  ErrorRel = RelOf(ir::ErrorRelation);
  RelOf(ir::PreRelation);
  RelOf(ir::PostRelation);
  for (const ir::Fact &F : P.Facts)
    RelOf(F.Head.Relation);
  for (const ir::TimerDecl &T : P.Timers)
    Timers.push_back({&T, RelOf(T.Name), RelOf(T.armRelation()), RelOf(T.cancelRelation())});
  for (uint32_t I = 0; I < P.Rules.size(); ++I)
    Rules.push_back(std::make_unique<CompiledRule>(compileRule(P.Rules[I], I, Symbols, RelOf)));
  // Last, so that programs without restarts keep their relation numbers.
  RestartRel = RelOf(ir::RestartRelation);
  for (const ir::Declaration &D : P.Declarations)
    Durable.insert(RelOf(D.Relation));
  for (RelId Rel = 0; Rel < RelNames.size(); ++Rel)
    if (P.durable(RelNames[Rel]))
      Durable.insert(Rel);
  for (const auto &R : Rules)
    if (R->Time == ir::HeadTime::Next)
      State.insert(R->HeadRel);

  // Semi-naive variants: for each positive atom over a relation of the
  // rule's own stratum, one plan that scans that atom's delta first.
  for (const ir::Stratum &St : Strata.Strata) {
    std::set<RelId> Own;
    for (const std::string &Name : St.Relations)
      Own.insert(RelOf(Name));
    StratumRels.emplace_back(Own.begin(), Own.end());
    for (unsigned RI : St.Rules) {
      CompiledRule &R = *Rules[RI];
      if (St.NegationCycle)
        for (CAtom &N : R.Negatives)
          N.ReadsOwnStratum = Own.count(N.Rel) && !N.AtTime;
      std::vector<uint32_t> Recursive;
      for (uint32_t A = 0; A < R.Positives.size(); ++A)
        if (Own.count(R.Positives[A].Rel) && !R.Positives[A].AtTime)
          Recursive.push_back(A);
      for (size_t D = 0; D < Recursive.size(); ++D) {
        std::vector<uint32_t> Order{Recursive[D]};
        std::vector<RowRange> Ranges{RowRange::Delta};
        for (uint32_t A = 0; A < R.Positives.size(); ++A) {
          if (A == Recursive[D])
            continue;
          Order.push_back(A);
          auto Pos = std::find(Recursive.begin(), Recursive.end(), A);
          if (Pos == Recursive.end())
            Ranges.push_back(RowRange::All);
          else
            Ranges.push_back(Pos < Recursive.begin() + D ? RowRange::Old : RowRange::All);
        }
        R.DeltaPlans.push_back(R.makePlan(Order, Ranges));
      }
    }
  }
}

Evaluator::~Evaluator() = default;

class Evaluator::Execution {
public:
  Execution(const Evaluator &E, const Bounds &B, const FaultSet &F, const EvalOptions &O,
            Run &R)
      : Ev(E), B(B), Faults(F), Opts(O), R(R) {
    for (const std::string &N : B.Nodes)
      Nodes.insert(Ev.Symbols.intern(N));
    for (const Crash &C : F.Crashes)
      DownAt[Ev.Symbols.intern(C.Node)] = {C.Time, F.restartTime(C.Node).value_or(B.EOT + 1)};
    Indexes.resize(B.EOT + 2);
    for (auto &PerTime : Indexes)
      PerTime.resize(Ev.RelNames.size());
    if (Opts.Limits.MaxMemory)
      MemoryCeiling = memoryCeiling(
          Opts.Limits.MemoryBase ? Opts.Limits.MemoryBase : residentBytes(), Opts.Limits.MaxMemory);
  }

  void execute() {
    for (T = 1; T <= B.EOT; ++T) {
      StepDerivations = 0;
      checkDeadline();
      seedStep();
      Round = 0;
      for (size_t I = 0; I < Ev.Strata.Strata.size(); ++I)
        runStratum(Ev.Strata.Strata[I], Ev.StratumRels[I]);
      for (unsigned RI : Ev.Strata.TemporalRules)
        fireTemporal(*Ev.Rules[RI]);
      armTimers();
    }
  }

private:
  // ---- Limits ------------------------------------------------------------

  /// Called for every row a join visits and every fixpoint round, so that
  /// a run that never converges still sees its deadline; the clock is read
  /// only every 1024 calls, which keeps the cost out of the join loop.
  void tick() {
    if (Opts.Limits.Deadline && (++Work & 1023) == 0)
      checkDeadline();
  }

  void checkDeadline() {
    if (Opts.Limits.Deadline && std::chrono::steady_clock::now() >= *Opts.Limits.Deadline)
      throw DeadlinePassed();
  }

  /// Counts a firing recorded in this step; the rule deriving is the one
  /// to blame when the step never converges. Heads wait in ThisRound and
  /// NextStep before they become tuples, and a large join fills those
  /// first, so they count towards the tuple limit too.
  void countDerivation() {
    uint64_t Max = Opts.Limits.MaxStepDerivations;
    if (Max && ++StepDerivations > Max)
      throw EvalError{Cur->Source->Loc,
                      fmt::format("time step {} exceeds {} derivations (a recursion that "
                                  "never converges, or a join too large?); "
                                  "--max-step-derivations raises the limit",
                                  T, Max)};
    checkTupleLimit(R.Tuples.size() + ThisRound.size() + NextStep.size() + 1, Cur->Source->Loc);
    if (MemoryCeiling && (++Derivations & 4095) == 0 && residentBytes() > MemoryCeiling)
      throw EvalError{Cur->Source->Loc,
                      fmt::format("the run exceeds the memory budget of {} (at time step {}); "
                                  "--max-memory raises it",
                                  megabytes(Opts.Limits.MaxMemory), T)};
  }

  void checkTupleLimit(size_t Tuples, ir::SourceLoc Blame) const {
    uint64_t Max = Opts.Limits.MaxTuples;
    if (Max && Tuples > Max)
      throw EvalError{Blame, fmt::format("the run exceeds {} tuples (at time step {}); "
                                         "--max-tuples raises the limit",
                                         Max, T)};
  }

  // ---- Seeding a time step ----------------------------------------------

  void seedStep() {
    for (const ir::Fact &F : Ev.Prog.Facts)
      if (F.Time == T)
        seedFact(F);
    // crash(Observer, Crashed, Time) at every node, at every step until
    // the crashed node restarts (for good if it never does).
    for (const Crash &C : Faults.Crashes) {
      std::optional<int> Back = Faults.restartTime(C.Node);
      if (Back && T >= *Back)
        continue;
      for (const std::string &Observer : B.Nodes)
        tuple(Ev.CrashRel,
              {Ev.Symbols.str(Observer), Ev.Symbols.str(C.Node), Value::integer(C.Time)}, 0,
              TupleOrigin::Scenario);
    }
    for (const Restart &Re : Faults.Restarts)
      if (Re.Time == T)
        restart(Re.Node);
    if (Opts.EveryCrash) {
      for (const std::string &Crashed : B.Nodes)
        for (int At = 1; At <= B.EOT; ++At)
          for (const std::string &Observer : B.Nodes)
            tuple(Ev.CrashRel,
                  {Ev.Symbols.str(Observer), Ev.Symbols.str(Crashed), Value::integer(At)}, 0,
                  TupleOrigin::Scenario);
      // What a restart adds (its hook and the re-initialised facts), at
      // every step a restart can happen, while nobody's state is lost.
      if (B.MaxRestarts > 0 && T > 1)
        for (const std::string &Node : B.Nodes)
          restartAdds(Node);
    }
    fireTimers();
    // Heads of the previous step's @next rules and delivered messages.
    auto It = NextStep.begin();
    for (; It != NextStep.end(); ++It)
      if (!It->second.Firings.empty())
        commit(It->first.first, It->first.second, std::move(It->second.Firings), 0);
    NextStep.clear();
  }

  /// Node comes back at this step: what it carried over in volatile
  /// relations is gone, keeping the @next heads of durable relations and
  /// the messages other nodes delivered; its pending timers are volatile
  /// too, ended by the restart (they fire only if re-armed); then
  /// restartAdds.
  void restart(const std::string &Node) {
    Value N = Ev.Symbols.str(Node);
    for (auto &[Key, Heads] : NextStep) {
      if (Key.second.empty() || Key.second[0] != N)
        continue;
      bool Durable = Ev.Durable.count(Key.first) > 0;
      llvm::erase_if(Heads.Firings, [&](const Firing &F) {
        return !F.Message && !(Durable && Ev.Rules[F.Rule]->Time == ir::HeadTime::Next);
      });
    }
    TupleId Hook = restartAdds(Node);
    for (auto It = Pending.begin(); It != Pending.end();) {
      if (It->first.second != static_cast<uint32_t>(N.V)) {
        ++It;
        continue;
      }
      R.Timers[It->second.Arming].EndedAt = T;
      R.Timers[It->second.Arming].EndTuple = Hook;
      It = Pending.erase(It);
    }
  }

  /// The node's initial state holds again: its facts of time 1 in
  /// relations that @next rules carry (state, not a one-off input such as
  /// a message the scenario delivers), except durable ones, whose carried
  /// value is the node's. So does restart(Node, now), the hook an
  /// on-restart handler reads; its tuple is returned (what ends the
  /// node's pending timers).
  TupleId restartAdds(const std::string &Node) {
    for (const ir::Fact &F : Ev.Prog.Facts) {
      if (F.Time != 1 || F.Head.Args.empty())
        continue;
      auto Rel = R.relation(F.Head.Relation);
      if (!Rel || !Ev.State.count(*Rel) || Ev.Durable.count(*Rel))
        continue;
      const ir::Term &Where = F.Head.Args[0];
      if (Where.K != ir::Term::Kind::Integer && Where.Text == Node)
        seedFact(F);
    }
    return tuple(Ev.RestartRel, {Ev.Symbols.str(Node), Value::integer(T)}, 0,
                 TupleOrigin::Scenario);
  }

  /// Fact F's tuple at the current time.
  void seedFact(const ir::Fact &F) {
    Tuple Values;
    for (const ir::Term &Arg : F.Head.Args)
      Values.push_back(Arg.K == ir::Term::Kind::Integer ? Value::integer(Arg.Int)
                                                        : Ev.Symbols.str(Arg.Text));
    tuple(*R.relation(F.Head.Relation), Values, 0, TupleOrigin::Fact, F.Loc);
  }

  /// The tuple at the current time, added with Rank if it is new. A fact or
  /// scenario tuple is marked so even if a rule derived it too. Blame
  /// locates what added it, for the error if the run holds too many tuples.
  TupleId tuple(RelId Rel, const Tuple &Values, uint32_t Rank, TupleOrigin Origin,
                ir::SourceLoc Blame = ir::SourceLoc()) {
    if (auto Existing = R.find(Rel, T, Values)) {
      if (Origin != TupleOrigin::Derived)
        R.Tuples[*Existing].Origin = Origin;
      return *Existing;
    }
    checkTupleLimit(R.Tuples.size() + 1, Blame);
    TupleRecord Rec;
    Rec.Rel = Rel;
    Rec.Time = T;
    Rec.Values = Values;
    Rec.Rank = Rank;
    Rec.Origin = Origin;
    return R.addTuple(std::move(Rec));
  }

  /// Inserts a derived tuple at the current time (or adds firings to it).
  void commit(RelId Rel, const Tuple &Values, std::vector<Firing> Firings, uint32_t Rank) {
    ir::SourceLoc Blame =
        Firings.empty() ? ir::SourceLoc() : Ev.Rules[Firings.front().Rule]->Source->Loc;
    TupleId Id = tuple(Rel, Values, Rank, TupleOrigin::Derived, Blame);
    if (!Opts.Provenance && !R.Tuples[Id].Firings.empty())
      return; // its first firing is all that is kept
    for (Firing &F : Firings) {
      R.Tuples[Id].Firings.push_back(static_cast<FiringId>(R.Firings.size()));
      R.Firings.push_back(std::move(F));
    }
  }

  // ---- Timers ------------------------------------------------------------
  //
  // A timer armed at t (`arm_<timer>(Node, Delay)` holds at t) is due at
  // t + Delay. When it is still pending at its due step, the scenario says
  // how late it fires (FaultSet::timerDelay, or Opts.ChooseDelay), within
  // min(slack, EOT + 1 - due) steps; a cancel or a re-arm at a step before
  // it fires ends it. Its firing holds as `<timer>(Node)` when its step
  // begins, like a delivered message.

  struct PendingTimer {
    uint32_t Arming = 0; ///< Index into R.Timers.
    int FireAt = 0;      ///< Known from the due step on (0 before).
  };

  void fireTimers() {
    if (Opts.EveryTimer) {
      for (const auto &[Timer, Node, Due] : EveryArming)
        if (Due <= T && T <= Due + B.TimerSlack)
          tuple(Ev.Timers[Timer].Fire, {Value::symbol(Node)}, 0, TupleOrigin::Timer);
      return;
    }
    for (auto It = Pending.begin(); It != Pending.end();) {
      PendingTimer &P = It->second;
      TimerArming &A = R.Timers[P.Arming];
      if (A.Due == T) {
        A.MaxDelay = std::min(B.TimerSlack, B.EOT + 1 - A.Due);
        A.Delay = std::min(A.MaxDelay, Faults.timerDelay(A.Node, A.Timer, A.Due));
        if (Opts.ChooseDelay && A.MaxDelay > 0) {
          A.Delay = std::clamp(Opts.ChooseDelay(A.Node, A.Timer, A.Due, A.MaxDelay), 0,
                               A.MaxDelay);
          if (A.Delay > 0)
            R.Faults.TimerDelays.push_back({A.Node, A.Timer, A.Due, A.Delay});
        }
        P.FireAt = A.Due + A.Delay;
      }
      if (P.FireAt != T) {
        ++It;
        continue;
      }
      TupleId Id = tuple(A.Rel, {Ev.Symbols.str(A.Node)}, 0, TupleOrigin::Timer);
      A.FiredAt = T;
      A.Fired = Id;
      R.TimerFirings[Id] = P.Arming;
      It = Pending.erase(It);
    }
  }

  /// Reads the step's arm and cancel tuples (after its @next and @async
  /// rules, so the step is complete): an arm (the shortest delay, if there
  /// are several) replaces the node's pending timer, a cancel ends it.
  void armTimers() {
    for (uint32_t TI = 0; TI < Ev.Timers.size(); ++TI) {
      const TimerRels &TR = Ev.Timers[TI];
      std::map<uint32_t, std::pair<int64_t, TupleId>> Arms;
      for (TupleId Id : R.table(TR.Arm, T)) {
        const TupleRecord &Rec = R.Tuples[Id];
        Value Node = Rec.Values[0], Delay = Rec.Values[1];
        if (!Node.isStr() || !Nodes.count(static_cast<uint32_t>(Node.V)))
          continue; // a rule runs only at the listed nodes; a fact may name others
        if (!Delay.isInt() || Delay.V < 1 || Delay.V > MaxEOT)
          throw EvalError{blame(Rec),
                          fmt::format("timer '{}' of {} armed with delay {} (at time {}); a "
                                      "delay is a number of steps from 1 to {}",
                                      TR.Decl->Name, Ev.Symbols.render(Node),
                                      Ev.Symbols.render(Delay), T, MaxEOT)};
        // Every delay, not only the shortest: in another run the shorter
        // arm may be missing and a longer one the one that counts.
        if (Opts.EveryTimer)
          EveryArming.insert({TI, static_cast<uint32_t>(Node.V), T + static_cast<int>(Delay.V)});
        auto [It, New] = Arms.try_emplace(static_cast<uint32_t>(Node.V), Delay.V, Id);
        if (!New && Delay.V < It->second.first)
          It->second = {Delay.V, Id};
      }
      std::map<uint32_t, TupleId> Cancels;
      for (TupleId Id : R.table(TR.Cancel, T)) {
        Value Node = R.Tuples[Id].Values[0];
        if (Node.isStr() && Nodes.count(static_cast<uint32_t>(Node.V)))
          Cancels.try_emplace(static_cast<uint32_t>(Node.V), Id);
      }
      if (Opts.EveryTimer)
        continue;
      auto End = [&](uint32_t Node, TupleId By) {
        auto It = Pending.find({TI, Node});
        if (It == Pending.end())
          return;
        R.Timers[It->second.Arming].EndedAt = T;
        R.Timers[It->second.Arming].EndTuple = By;
        Pending.erase(It);
      };
      for (const auto &[Node, Id] : Cancels)
        if (!Arms.count(Node))
          End(Node, Id);
      for (const auto &[Node, Arm] : Arms) {
        End(Node, Arm.second);
        TimerArming A;
        A.Node = Ev.Symbols.text(Node);
        A.Timer = TR.Decl->Name;
        A.Rel = TR.Fire;
        A.ArmTime = T;
        A.Due = T + static_cast<int>(Arm.first);
        A.ArmTuple = Arm.second;
        Pending[{TI, Node}] = {static_cast<uint32_t>(R.Timers.size()), 0};
        R.Timers.push_back(std::move(A));
      }
    }
  }

  /// Where a tuple came from, for an error about its values.
  ir::SourceLoc blame(const TupleRecord &Rec) const {
    if (!Rec.Firings.empty())
      return Ev.Rules[R.Firings[Rec.Firings.front()].Rule]->Source->Loc;
    for (const ir::Fact &F : Ev.Prog.Facts)
      if (F.Time == Rec.Time && F.Head.Relation == R.RelNames[Rec.Rel])
        return F.Loc;
    return ir::SourceLoc();
  }

  // ---- Strata ------------------------------------------------------------

  void runStratum(const ir::Stratum &St, const std::vector<RelId> &Rels) {
    if (St.NegationCycle && !Opts.IgnoreNegation)
      runNegationCycle(St, Rels);
    else
      fixpoint(St);
  }

  void fixpoint(const ir::Stratum &St) {
    // The first round joins everything present; later rounds join only
    // with what the previous round derived (or everything again, for the
    // naive baseline and for inflationary strata). Within a pass over a
    // negation cycle the cycle's notins read a fixed context, so the pass
    // is monotone and semi-naive too.
    bool Naive = Opts.Strat == Strategy::Naive || St.Inflationary;
    bool First = true;
    while (true) {
      ++Round;
      tick();
      for (unsigned RI : St.Rules) {
        const CompiledRule &Rule = *Ev.Rules[RI];
        if (First || Naive) {
          evaluate(Rule, Rule.FullPlan);
          continue;
        }
        // An aggregate reads only lower strata, which were complete for the
        // first round, unless it closes a cycle; then it is evaluated again
        // on everything, as in an inflationary stratum.
        if (!Rule.HasAggregate)
          for (const JoinPlan &P : Rule.DeltaPlans)
            evaluate(Rule, P);
        else if (!Rule.DeltaPlans.empty())
          evaluate(Rule, Rule.FullPlan);
      }
      First = false;
      if (!flushRound())
        return;
    }
  }

  // ---- Negation cycles -----------------------------------------------------
  //
  // Molly's runtime (C4) has no strata: it propagates one tuple at a time, a
  // notin reads the table as it is, and when a blocking tuple arrives later,
  // what the notin let through is retracted (reference-counted, cascading).
  // When that settles, every tuple it keeps is derived by a rule whose
  // notins hold in the final tables, and every tuple so derivable is kept: a
  // fixpoint M = G(M), where G(I) is the stratum's least fixpoint with the
  // cycle's notins read against I. Where the notins only settle one way,
  // that fixpoint is unique and is the well-founded model; where they keep
  // retracting each other, C4 never terminates.
  //
  // So a step evaluates the stratum in passes: pass k computes G(C_k) in the
  // run's own tables, from C_0 = the tuples the step began with. If
  // every notin probe of the pass has the same answer against the result as
  // against C_k, the pass would repeat itself: the result is G's fixpoint
  // and stays, firings and all. Otherwise it becomes C_{k+1} and the pass's
  // tuples are retracted. The contexts alternate between growing
  // underestimates and shrinking overestimates of the answer (G is
  // antitone); when a result repeats an earlier context without being a
  // fixpoint, the tuples between the two never settle: an error.
  //
  // The kept pass is an ordinary semi-naive fixpoint, so its provenance is
  // well-founded like any other stratum's, and its negative support names
  // only tuples absent from the final tables.

  /// What a pass over a negation cycle reads, and the notin probes it made
  /// of its context.
  struct CyclePass {
    const StratumSnapshot &Context;
    /// Relation, its arity, the columns given and their values.
    std::set<std::tuple<RelId, size_t, std::vector<uint32_t>, Tuple>> Probes;
  };

  void runNegationCycle(const ir::Stratum &St, const std::vector<RelId> &Rels) {
    const TupleId TupleMark = static_cast<TupleId>(R.Tuples.size());
    const FiringId FiringMark = static_cast<FiringId>(R.Firings.size());
    // C_0: what held when the step began (facts, @next heads, messages), the
    // least the answer holds.
    std::vector<StratumSnapshot> Contexts;
    Contexts.push_back(snapshot(Rels));
    while (true) {
      CyclePass P{Contexts.back(), {}};
      Pass = &P;
      fixpoint(St);
      Pass = nullptr;
      bool Settled = true;
      for (const auto &[Rel, Arity, Cols, Key] : P.Probes)
        if (P.Context.contains(Rel, Cols, Key) != inTable(Rel, T, Arity, Cols, Key)) {
          Settled = false;
          break;
        }
      if (Settled)
        return;
      StratumSnapshot Result = snapshot(Rels);
      for (const StratumSnapshot &Earlier : Contexts)
        if (Result.sameTuples(Earlier))
          throw neverSettles(St, Result.difference(Contexts.back()));
      // Retract the pass: its tuples, their firings, the indexes over them.
      R.truncate(TupleMark, FiringMark);
      for (RelId Rel : Rels)
        Indexes[T][Rel].clear();
      Contexts.push_back(std::move(Result));
    }
  }

  StratumSnapshot snapshot(const std::vector<RelId> &Rels) const {
    StratumSnapshot S;
    for (RelId Rel : Rels)
      for (TupleId Id : R.table(Rel, T)) {
        const TupleRecord &Rec = R.Tuples[Id];
        S.add(Rel, Rec.Values,
              Rec.Firings.empty() ? std::nullopt
                                  : std::optional<uint32_t>(R.Firings[Rec.Firings[0]].Rule));
      }
    return S;
  }

  /// The error for a cycle whose notins keep retracting what they allowed:
  /// at the first rule deriving a tuple that never settles, naming the
  /// others in notes.
  EvalError neverSettles(const ir::Stratum &St, const std::vector<StratumSnapshot::Entry> &Diff) {
    // At most a few tuples each, the count of the rest.
    auto List = [](const std::vector<std::string> &Tuples) {
      constexpr size_t Shown = 4;
      if (Tuples.size() <= Shown)
        return fmt::format("{}", fmt::join(Tuples, ", "));
      return fmt::format("{} and {} more", fmt::join(Tuples.begin(), Tuples.begin() + Shown, ", "),
                         Tuples.size() - Shown);
    };
    std::vector<std::string> All;
    std::map<uint32_t, std::vector<std::string>> ByRule;
    for (const auto &[Rel, Values, Rule] : Diff) {
      All.push_back(Ev.RelNames[Rel] + "(" + Ev.Symbols.render(Values) + ")");
      if (Rule)
        ByRule[*Rule].push_back(All.back());
    }
    std::vector<unsigned> Lines;
    for (const auto &[Rule, Tuples] : ByRule)
      Lines.push_back(Ev.Rules[Rule]->Source->Loc.Line);
    EvalError E;
    E.Loc = Ev.Rules[ByRule.empty() ? St.Rules.front() : ByRule.begin()->first]->Source->Loc;
    E.Message = fmt::format(
        "at time step {}, the negation cycle {} never settles: {} {} derived and retracted in "
        "turn by the rule{} at line{} {} (no one answer: Molly's runtime would not terminate, "
        "or would pick one by the order tuples arrive in)",
        T, St.Cycle, List(All), All.size() == 1 ? "is" : "are", Lines.size() == 1 ? "" : "s",
        Lines.size() == 1 ? "" : "s", fmt::join(Lines, ", "));
    for (const auto &[Rule, Tuples] : ByRule)
      E.Notes.emplace_back(Ev.Rules[Rule]->Source->Loc,
                           fmt::format("derives {} in one pass and not in the next", List(Tuples)));
    return E;
  }

  /// Inserts this round's new heads, ranked with the round. Returns whether
  /// anything new was derived.
  bool flushRound() {
    bool Any = !ThisRound.empty();
    for (auto &[Key, Head] : ThisRound)
      commit(Key.first, Key.second, std::move(Head.Firings), Round);
    ThisRound.clear();
    return Any;
  }

  // ---- Joins -------------------------------------------------------------

  /// One rule, one plan: enumerate the body's bindings, then emit heads.
  void evaluate(const CompiledRule &Rule, const JoinPlan &Plan) {
    Cur = &Rule;
    Slots.assign(Rule.NumSlots, Value());
    BoundSlots.assign(Rule.NumSlots, false);
    AtomTuples.assign(Rule.Positives.size(), 0);
    Groups.clear();
    Absent.clear();
    for (const Filter &F : Plan.Before)
      if (!passes(F))
        return;
    join(Plan, 0);
    if (Rule.HasAggregate)
      emitAggregates();
  }

  /// The time an atom reads: a fixed `@N` may lie anywhere in int64_t
  /// (a program loaded from JSON is not range-checked), so it is compared
  /// before it is narrowed.
  int64_t atomTime(const CAtom &A) const { return A.AtTime ? *A.AtTime : T; }
  bool readable(int64_t AT) const { return AT >= 1 && AT <= B.EOT + 1; }

  void join(const JoinPlan &Plan, size_t StepNo) {
    if (StepNo == Plan.Steps.size()) {
      emit();
      return;
    }
    const PlanStep &Step = Plan.Steps[StepNo];
    const CAtom &A = Cur->Positives[Step.Atom];
    if (!readable(atomTime(A)))
      return;
    int AT = static_cast<int>(atomTime(A));
    auto Visit = [&](TupleId Id) {
      tick();
      const TupleRecord &Rec = R.Tuples[Id];
      if (!inRange(Rec.Rank, Step.Range, AT))
        return;
      // Bind the atom's free slots; a slot repeated in the atom must agree.
      // (On the stack for usual widths: this runs for every row a join
      // visits.)
      llvm::SmallVector<int, 16> Newly;
      bool Ok = true;
      for (size_t Col = 0; Col < A.Args.size() && Ok; ++Col) {
        const CTerm &Arg = A.Args[Col];
        if (Arg.K == CTerm::Kind::Const) {
          Ok = Arg.C == Rec.Values[Col];
        } else if (Arg.K == CTerm::Kind::Slot) {
          if (BoundSlots[Arg.Slot]) {
            Ok = Slots[Arg.Slot] == Rec.Values[Col];
          } else {
            Slots[Arg.Slot] = Rec.Values[Col];
            BoundSlots[Arg.Slot] = true;
            Newly.push_back(Arg.Slot);
          }
        }
      }
      AtomTuples[Step.Atom] = Id;
      size_t AbsentMark = Absent.size();
      if (Ok) {
        for (const Filter &F : Step.After)
          if (!(Ok = passes(F)))
            break;
      }
      if (Ok)
        join(Plan, StepNo + 1);
      Absent.resize(AbsentMark);
      for (int Slot : Newly)
        BoundSlots[Slot] = false;
    };

    // Round-restricted scans of the current step only touch its rows;
    // other times' tables are complete and unranked.
    if (Step.BoundCols.empty()) {
      const std::vector<TupleId> &Rows = R.table(A.Rel, AT);
      auto [Begin, End] = slice(Rows, Step.Range, AT);
      for (size_t I = Begin; I < End; ++I)
        Visit(Rows[I]);
      return;
    }
    Tuple Key;
    for (uint32_t Col : Step.BoundCols)
      Key.push_back(A.Args[Col].K == CTerm::Kind::Const ? A.Args[Col].C
                                                        : Slots[A.Args[Col].Slot]);
    const ColumnIndex &Index = index(A.Rel, AT, Step.BoundCols);
    auto It = Index.Groups.find(Key);
    if (It == Index.Groups.end())
      return;
    // Heads are buffered until the round ends, so the group cannot change
    // while we walk it.
    auto [Begin, End] = slice(It->second, Step.Range, AT);
    for (size_t I = Begin; I < End; ++I)
      Visit(It->second[I]);
  }

  /// The part of Rows (a table or an index group, in insertion order) that
  /// Range may read. Rows of the current step are in rank order, since each
  /// round appends its heads at its end, so the part is contiguous: a
  /// binary search finds it. Filtering every row instead made a fixpoint
  /// of n rounds cost n^2 (a step-long recursion ran for hours before
  /// reaching the derivation limit).
  std::pair<size_t, size_t> slice(const std::vector<TupleId> &Rows, RowRange Range,
                                  int AtTime) const {
    if (AtTime != T || Range == RowRange::All)
      return {0, Rows.size()};
    auto RankBelow = [&](uint32_t Bound) {
      return static_cast<size_t>(
          std::partition_point(Rows.begin(), Rows.end(),
                               [&](TupleId Id) { return R.Tuples[Id].Rank < Bound; }) -
          Rows.begin());
    };
    size_t OldEnd = RankBelow(Round - 1);
    if (Range == RowRange::Old)
      return {0, OldEnd};
    return {OldEnd, RankBelow(Round)};
  }

  bool inRange(uint32_t Rank, RowRange Range, int AtTime) const {
    if (AtTime != T || Range == RowRange::All)
      return true;
    if (Range == RowRange::Delta)
      return Rank == Round - 1;
    return Rank < Round - 1;
  }

  const ColumnIndex &index(RelId Rel, int AT, const std::vector<uint32_t> &Cols) {
    std::vector<ColumnIndex> &ForTable = Indexes[AT][Rel];
    ColumnIndex *Found = nullptr;
    for (ColumnIndex &I : ForTable)
      if (I.Cols == Cols)
        Found = &I;
    if (!Found) {
      ForTable.push_back(ColumnIndex());
      Found = &ForTable.back();
      Found->Cols = Cols;
    }
    // Bring the index up to date with rows added since it was last used.
    const std::vector<TupleId> &Rows = R.table(Rel, AT);
    for (; Found->Covered < Rows.size(); ++Found->Covered) {
      TupleId Id = Rows[Found->Covered];
      const Tuple &Values = R.Tuples[Id].Values;
      Tuple Key;
      for (uint32_t Col : Cols)
        Key.push_back(Values[Col]);
      Found->Groups[Key].push_back(Id);
    }
    return *Found;
  }

  // ---- Filters and terms -------------------------------------------------

  bool passes(const Filter &F) {
    switch (F.K) {
    case Filter::Kind::Negation: {
      if (Opts.IgnoreNegation)
        return true;
      const CAtom &A = Cur->Negatives[F.Index];
      return !matchesSome(A);
    }
    case Filter::Kind::Comparison: {
      const CComparison &C = Cur->Comparisons[F.Index];
      return compare(C.Op, value(C.LHS), value(C.RHS), C.Loc);
    }
    case Filter::Kind::Column: {
      const CAtom &A = Cur->Positives[F.Index];
      return value(A.Args[F.Column]) == R.Tuples[AtomTuples[F.Index]].Values[F.Column];
    }
    }
    return false;
  }

  /// Whether some tuple matches a `notin` atom whose slots are bound
  /// (wildcards match anything). In a pass over a negation cycle, a notin
  /// of the cycle reads the pass's context, not the table being filled.
  bool matchesSome(const CAtom &A) {
    int64_t AT = atomTime(A);
    // A time no run has holds nothing, and needs no support.
    if (!readable(AT))
      return false;
    std::vector<uint32_t> Cols;
    Tuple Key;
    for (uint32_t Col = 0; Col < A.Args.size(); ++Col)
      if (A.Args[Col].K != CTerm::Kind::Wild) {
        Cols.push_back(Col);
        Key.push_back(value(A.Args[Col]));
      }
    bool Found;
    if (Pass && A.ReadsOwnStratum) {
      Found = Pass->Context.contains(A.Rel, Cols, Key);
      Pass->Probes.emplace(A.Rel, A.Args.size(), std::move(Cols), std::move(Key));
    } else {
      Found = inTable(A.Rel, static_cast<int>(AT), A.Args.size(), Cols, Key);
    }
    if (!Found && Opts.NegativeSupport) {
      AbsentTuple Pattern{A.Rel, static_cast<int>(AT), {}, {}};
      for (uint32_t Col = 0; Col < A.Args.size(); ++Col) {
        bool Wild = A.Args[Col].K == CTerm::Kind::Wild;
        Pattern.Values.push_back(Wild ? Value() : value(A.Args[Col]));
        if (Wild)
          Pattern.setWild(Col);
      }
      Absent.push_back(std::move(Pattern));
    }
    return Found;
  }

  /// Whether a tuple of Rel at AT has Key in the columns Cols.
  bool inTable(RelId Rel, int AT, size_t Arity, const std::vector<uint32_t> &Cols,
               const Tuple &Key) {
    if (Cols.empty())
      return !R.table(Rel, AT).empty();
    if (Cols.size() == Arity)
      return R.find(Rel, AT, Key).has_value();
    return index(Rel, AT, Cols).Groups.count(Key) != 0;
  }

  Value value(const CTerm &Term) {
    switch (Term.K) {
    case CTerm::Kind::Const:
      return Term.C;
    case CTerm::Kind::Slot:
    case CTerm::Kind::Aggregate:
      return Slots[Term.Slot];
    case CTerm::Kind::Wild:
      return Value();
    case CTerm::Kind::Arith:
      return arith(Term.Op, value(Term.Args[0]), value(Term.Args[1]), Term.Loc);
    }
    return Value();
  }

  Value arith(char Op, Value L, Value Rt, ir::SourceLoc Loc) {
    if (!L.isInt() || !Rt.isInt())
      throw EvalError{Loc, fmt::format("arithmetic '{}' on a string: {} {} {}", Op,
                                       Ev.Symbols.render(L), Op, Ev.Symbols.render(Rt))};
    int64_t Out = 0;
    bool Overflow = false;
    switch (Op) {
    case '+':
      Overflow = __builtin_add_overflow(L.V, Rt.V, &Out);
      break;
    case '-':
      Overflow = __builtin_sub_overflow(L.V, Rt.V, &Out);
      break;
    case '*':
      Overflow = __builtin_mul_overflow(L.V, Rt.V, &Out);
      break;
    case '/':
    case '%':
      if (Rt.V == 0)
        throw EvalError{Loc, fmt::format("division by zero: {} {} 0", L.V, Op)};
      if (L.V == INT64_MIN && Rt.V == -1)
        Overflow = true;
      else
        Out = Op == '/' ? L.V / Rt.V : L.V % Rt.V;
      break;
    default:
      throw EvalError{Loc, fmt::format("unknown operator '{}'", Op)};
    }
    if (Overflow)
      throw EvalError{Loc, fmt::format("integer overflow: {} {} {}", L.V, Op, Rt.V)};
    return Value::integer(Out);
  }

  bool compare(ir::CmpOp Op, Value L, Value Rt, ir::SourceLoc Loc) {
    if (Op == ir::CmpOp::EQ)
      return L == Rt;
    if (Op == ir::CmpOp::NE)
      return L != Rt;
    if (L.K != Rt.K)
      throw EvalError{Loc, fmt::format("cannot order a string and an integer: {} {} {}",
                                       Ev.Symbols.render(L), ir::spelling(Op),
                                       Ev.Symbols.render(Rt))};
    if (L.isStr())
      R.OrderedStrings = true;
    switch (Op) {
    case ir::CmpOp::LT:
      return Ev.Symbols.less(L, Rt);
    case ir::CmpOp::LE:
      return !Ev.Symbols.less(Rt, L);
    case ir::CmpOp::GT:
      return Ev.Symbols.less(Rt, L);
    case ir::CmpOp::GE:
      return !Ev.Symbols.less(L, Rt);
    default:
      return false;
    }
  }

  // ---- Heads -------------------------------------------------------------

  /// The node where the rule runs, if it may run there.
  bool locatedAtNode(Value &Where) {
    if (Cur->Location.K == CTerm::Kind::Wild)
      return true;
    Where = value(Cur->Location);
    return Where.isStr() && Nodes.count(static_cast<uint32_t>(Where.V));
  }

  void emit() {
    Value Where;
    if (!locatedAtNode(Where))
      return;
    if (Cur->HasAggregate && !(Opts.EverySelection && Cur->IsSelection)) {
      collectAggregate();
      return;
    }
    Tuple Head;
    Head.reserve(Cur->Head.size());
    for (const CTerm &H : Cur->Head)
      Head.push_back(value(H));
    if (Cur->HeadRel == Ev.ErrorRel)
      raise(Head);
    // A same-time head derived in an earlier round is not well-founded here.
    if (Cur->Time == ir::HeadTime::Now && R.find(Cur->HeadRel, T, Head))
      return;
    Firing F;
    F.Rule = Cur->Index;
    F.Time = T;
    if (Opts.Provenance) {
      F.Body = AtomTuples;
      F.Absent = Absent;
    }
    deliver(std::move(Head), std::move(F), Where);
  }

  /// A head of ir::ErrorRelation, (Node, Text, Values...): the program
  /// reached a state its model cannot represent.
  [[noreturn]] void raise(const Tuple &Head) {
    std::string Text = Head.size() > 1 && Head[1].isStr() ? Ev.Symbols.render(Head[1]) : "";
    if (Text.size() >= 2 && Text.front() == '"')
      Text = Text.substr(1, Text.size() - 2);
    std::vector<std::string> Values;
    for (size_t I = 2; I < Head.size(); ++I)
      Values.push_back(Ev.Symbols.render(Head[I]));
    throw EvalError{Cur->Source->Loc,
                    fmt::format("{}{}{} (at {}, time {})", Text, Values.empty() ? "" : ": ",
                                fmt::join(Values, ", "),
                                Head.empty() ? "?" : Ev.Symbols.render(Head[0]), T)};
  }

  /// Routes a head by the rule's time suffix.
  void deliver(Tuple Head, Firing F, Value Where) {
    switch (Cur->Time) {
    case ir::HeadTime::Now: {
      // Only a head that is new in this round is well-founded here.
      if (R.find(Cur->HeadRel, T, Head))
        return;
      countDerivation();
      pend(ThisRound[{Cur->HeadRel, std::move(Head)}].Firings, std::move(F));
      return;
    }
    case ir::HeadTime::Next:
      if (T + 1 <= B.EOT) {
        countDerivation();
        pend(NextStep[{Cur->HeadRel, std::move(Head)}].Firings, std::move(F));
      }
      return;
    case ir::HeadTime::Async:
      sendMessage(std::move(Head), std::move(F), Where);
      return;
    }
  }

  /// A head's firing, waiting to be committed (only its first without
  /// provenance).
  void pend(std::vector<Firing> &Firings, Firing F) {
    if (Opts.Provenance || Firings.empty())
      Firings.push_back(std::move(F));
  }

  void sendMessage(Tuple Head, Firing F, Value From) {
    Value To = Head.empty() ? Value() : Head[0];
    if (!To.isStr() || !Nodes.count(static_cast<uint32_t>(To.V)))
      return; // Addressed outside the node list: goes nowhere.
    if (From == To) {
      // Messages to self are never lost, even from a crashed node.
      if (T + 1 <= B.EOT) {
        countDerivation();
        pend(NextStep[{Cur->HeadRel, std::move(Head)}].Firings, std::move(F));
      }
      return;
    }
    auto Down = DownAt.find(static_cast<uint32_t>(From.V));
    if (Down != DownAt.end() && Down->second.first <= T && T < Down->second.second)
      return; // A crashed node sends nothing until it restarts.
    // Lost messages are recorded too, so they count.
    countDerivation();
    const std::string &FromName = Ev.Symbols.text(static_cast<uint32_t>(From.V));
    const std::string &ToName = Ev.Symbols.text(static_cast<uint32_t>(To.V));
    MessageFate Fate = MessageFate::Delivered;
    if (Faults.omits(FromName, ToName, T))
      Fate = MessageFate::Omitted;
    else if (T + 1 > B.EOT)
      Fate = MessageFate::AfterEOT;
    auto Key = std::make_tuple(T, static_cast<uint32_t>(From.V), static_cast<uint32_t>(To.V),
                               Cur->HeadRel, Head);
    auto [It, Inserted] = MessageIds.try_emplace(Key, static_cast<MessageId>(R.Messages.size()));
    if (Inserted)
      R.Messages.push_back({FromName, ToName, T, Cur->HeadRel, Head, Fate, Cur->Index});
    if (Fate != MessageFate::Delivered)
      return;
    F.Message = It->second;
    pend(NextStep[{Cur->HeadRel, std::move(Head)}].Firings, std::move(F));
  }

  void fireTemporal(const CompiledRule &Rule) {
    ++Round; // Temporal firings read the completed step; rank is irrelevant.
    evaluate(Rule, Rule.FullPlan);
  }

  // ---- Aggregates --------------------------------------------------------

  struct Group {
    std::set<Tuple> Bindings;
    std::vector<Value> Agg; ///< One accumulator per aggregate column.
    std::vector<bool> Seen;
    std::vector<TupleId> Body;
    std::set<TupleId> BodySet;
    Value Where;
  };

  void collectAggregate() {
    Tuple Key;
    for (const CTerm &H : Cur->Head)
      if (H.K != CTerm::Kind::Aggregate)
        Key.push_back(value(H));
    Group &G = Groups[Key];
    // count<X> and sum<X> range over the distinct bindings of the body.
    Tuple Binding(Slots.begin(), Slots.end());
    if (!G.Bindings.insert(Binding).second)
      return;
    if (G.Agg.empty()) {
      G.Agg.assign(Cur->Head.size(), Value::integer(0));
      G.Seen.assign(Cur->Head.size(), false);
    }
    Value Where;
    locatedAtNode(Where);
    G.Where = Where;
    for (size_t I = 0; I < Cur->Head.size(); ++I) {
      const CTerm &H = Cur->Head[I];
      if (H.K != CTerm::Kind::Aggregate)
        continue;
      Value V = Slots[H.Slot];
      Value &Acc = G.Agg[I];
      if (H.AggFn == "count") {
        Acc = Value::integer(Acc.V + 1);
      } else if (H.AggFn == "sum") {
        Acc = arith('+', G.Seen[I] ? Acc : Value::integer(0), V, H.Loc);
      } else if (H.AggFn == "min" || H.AggFn == "max") {
        if (G.Seen[I] && V.K != Acc.K)
          throw EvalError{H.Loc, fmt::format("{}<> over both strings and integers", H.AggFn)};
        bool Better = !G.Seen[I] || (H.AggFn == "min" ? Ev.Symbols.less(V, Acc)
                                                      : Ev.Symbols.less(Acc, V));
        if (Better)
          Acc = V;
      }
      G.Seen[I] = true;
    }
    for (TupleId Id : AtomTuples)
      if (G.BodySet.insert(Id).second)
        G.Body.push_back(Id);
  }

  void emitAggregates() {
    // An aggregate's value depends on every binding of its group, so its one
    // firing has all of the group's body tuples as support.
    for (auto &[Key, G] : Groups) {
      Tuple Head;
      size_t K = 0;
      for (size_t I = 0; I < Cur->Head.size(); ++I)
        Head.push_back(Cur->Head[I].K == CTerm::Kind::Aggregate ? G.Agg[I] : Key[K++]);
      Firing F;
      F.Rule = Cur->Index;
      F.Time = T;
      F.Body = G.Body;
      deliver(std::move(Head), std::move(F), G.Where);
    }
    Groups.clear();
  }

  const Evaluator &Ev;
  const Bounds &B;
  const FaultSet &Faults;
  const EvalOptions &Opts;
  Run &R;

  std::unordered_set<uint32_t> Nodes;
  /// Per crashed node: its crash time and its restart time (EOT+1 if it
  /// stays down).
  std::unordered_map<uint32_t, std::pair<int, int>> DownAt;
  /// The pending timers by (timer, node).
  std::map<std::pair<uint32_t, uint32_t>, PendingTimer> Pending;
  /// With EveryTimer: every (timer, node, due step) armed so far.
  std::set<std::tuple<uint32_t, uint32_t, int>> EveryArming;
  int T = 0;
  uint32_t Round = 0;
  uint64_t StepDerivations = 0;
  uint64_t Work = 0;
  /// Resident bytes past which the run stops (0: no budget), and the
  /// derivations counted towards its next check.
  uint64_t MemoryCeiling = 0;
  uint64_t Derivations = 0;

  std::vector<std::vector<std::vector<ColumnIndex>>> Indexes;
  using HeadKey = std::pair<RelId, Tuple>;
  // Ordered maps: insertion order of derived tuples must not depend on hashing.
  std::map<HeadKey, PendingHead> ThisRound;
  std::map<HeadKey, PendingHead> NextStep;
  std::map<std::tuple<int, uint32_t, uint32_t, RelId, Tuple>, MessageId> MessageIds;

  /// The pass over a negation cycle under way, if any.
  CyclePass *Pass = nullptr;

  const CompiledRule *Cur = nullptr;
  std::vector<Value> Slots;
  std::vector<bool> BoundSlots;
  std::vector<TupleId> AtomTuples;
  std::vector<AbsentTuple> Absent;
  std::map<Tuple, Group> Groups;
};

std::unique_ptr<Run> Evaluator::run(const Bounds &B, const FaultSet &Faults,
                                    ir::DiagnosticEngine &Diags, const EvalOptions &Opts,
                                    RunStatus *Status) const {
  RunStatus Ignored;
  RunStatus &S = Status ? *Status : Ignored;
  S = RunStatus::Failed;
  // The run allocates tables for every time step up front: callers check
  // the whole scenario (checkFaults), but the memory bound is ours.
  if (B.EOT < 1 || B.EOT > MaxEOT) {
    Diags.error(fmt::format("EOT must be between 1 and {} (got {})", MaxEOT, B.EOT));
    return nullptr;
  }
  auto R = std::make_unique<Run>();
  R->init(RelNames, B.EOT);
  R->Faults = Faults;
  R->TimerSlack = B.TimerSlack;
  Execution X(*this, B, Faults, Opts, *R);
  try {
    X.execute();
  } catch (const EvalError &E) {
    Diags.error(E.Loc, E.Message);
    for (const auto &[Loc, Note] : E.Notes)
      Diags.note(Loc, Note);
    return nullptr;
  } catch (const DeadlinePassed &) {
    S = RunStatus::TimedOut;
    return nullptr;
  }
  S = RunStatus::Completed;
  return R;
}

} // namespace faultline::eval
