//===- HittingSets.cpp - Minimal fault sets with Z3 -----------------------===//
//
// Besides the fault variables (FaultFormula.h):
//   run_r      the candidate includes the faults of run r (a definition);
//   goal_o     the candidate breaks outcome o.
// For every run r and outcome o that held in it:
//   run_r & goal_o -> !alive_r(o)
// and for every `pre` tuple p that r lacked (a goal too, Lineage::PreGoals):
//   run_r & goal_p -> p appears (its why-not lineage is broken) and, if r
//                     had p's post, that post is lost
// Per generation (the runs known when it began), under its literal gen_k:
//   some goal_o holds; goal_o -> OR of run_r over the runs in which o held;
//   the supersets of every set found in this generation are excluded (a
//   crash at an earlier time counts as a superset: it cuts at least as much).
// A new run starts a new generation, which reopens those supersets: an
// earlier crash, or more omissions, may now be minimal, and may behave
// differently from what the run showed (a timeout, a failover).
// Enumeration asks for a model with at most k counted faults, k = 0, 1, ...,
// shrinks it by dropping omissions and postponing or dropping crashes while
// it stays a model (every check fixes all fault variables by assumptions),
// towards the outcome the model breaks (not towards any: that would postpone
// a crash past the time that breaks this one), excludes its supersets and
// returns it. When shrinking lands on a set that was run, only that set's
// extensions for that goal are excluded: other goals may need them, and an
// earlier crash of the same node stays open.
//
//===----------------------------------------------------------------------===//

#include "faultline/Solver/HittingSets.h"

#include "FaultFormula.h"
#include "Z3Heap.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace faultline::solver {

/// Whether Big has every fault of Small (crashes at the same times).
static bool extends(const FaultSet &Big, const FaultSet &Small) {
  for (const Omission &O : Small.Omissions)
    if (!Big.omits(O.From, O.To, O.Time))
      return false;
  for (const Crash &C : Small.Crashes)
    if (Big.crashTime(C.Node) != std::optional<int>(C.Time))
      return false;
  for (const TimerDelay &D : Small.TimerDelays)
    if (Big.timerDelay(D.Node, D.Timer, D.Due) != D.Delay)
      return false;
  return true;
}

struct HittingSetSolver::Impl {
  // Every check passes assumptions, which Z3's default solver answers with
  // its incremental SMT kernel; the simple solver is that kernel alone,
  // without the default tactic the default solver builds on its first check
  // (and never uses here): ~4 ms of a small search's start-up
  // (docs/design.md, "Start-up"). The models it returns can differ, and so
  // the order in which equal-size candidates come, not the sets found.
  explicit Impl(const Bounds &B)
      : B(B), S(Ctx, z3::solver::simple()), Faults(Ctx, S, B), Generation(Ctx) {}

  /// An outcome and the runs in which it held.
  struct Outcome {
    z3::expr Goal;
    std::vector<unsigned> Runs;
  };

  void addRun(const lineage::Lineage &L, const FaultSet &F) {
    exclude(F);
    unsigned Run = static_cast<unsigned>(RunIncludes.size());
    RunFaults.push_back(F);
    z3::expr Includes = Ctx.bool_const(fmt::format("run_{}", Run).c_str());
    S.add(Includes == Faults.includes(F));
    RunIncludes.push_back(Includes);
    std::vector<z3::expr> Alive = Faults.outcomes(L);
    std::set<std::string> Held;
    for (size_t I = 0; I < L.Outcomes.size(); ++I) {
      Outcome &O = goal(L.Graph[L.Outcomes[I]].Key, Run, F, Held);
      S.add(z3::implies(Includes && O.Goal, !Alive[I]));
      // Crashing a node the outcome's pre needs alive removes pre too;
      // unless it may restart, and be alive at EOT again.
      if (B.MaxRestarts <= 0 && I < L.OutcomeLiveNodes.size())
        for (const std::string &Node : L.OutcomeLiveNodes[I])
          S.add(z3::implies(O.Goal, !Faults.crashesEver(Node)));
    }
    // A pre this run lacks: the goal of making it appear (and losing its
    // post, if the run had one), on top of this run's faults.
    std::vector<z3::expr> Appears = Faults.preGoals(L);
    for (size_t I = 0; I < L.PreGoals.size(); ++I) {
      Outcome &O = goal(L.PreGoals[I].key(), Run, F, Held);
      S.add(z3::implies(Includes && O.Goal, Appears[I]));
    }
    // An outcome that held in a run this one extends, and not here, lost
    // its pre along with its post to the extra faults (or the run would have
    // been a counterexample): more faults on top of this run's are not
    // tried for it. Earlier crashes are not "more" (the same crash times
    // are required), so they stay open. Outcomes that only faults bring
    // about (a failover's) are not touched.
    z3::expr_vector Vanished(Ctx);
    for (auto &[Key, O] : Outcomes)
      if (!Held.count(Key) && std::any_of(O.Runs.begin(), O.Runs.end(), [&](unsigned R) {
            return extends(F, RunFaults[R]);
          }))
        Vanished.push_back(!O.Goal);
    if (!Vanished.empty())
      S.add(z3::implies(Includes, z3::mk_and(Vanished)));
    Dirty = true;
  }

  /// The goal Key names, which run Run (made under F) had: made the first
  /// time, when the earlier runs that extend F did not have it.
  Outcome &goal(const std::string &Key, unsigned Run, const FaultSet &F,
                std::set<std::string> &Held) {
    Held.insert(Key);
    auto It = Outcomes.find(Key);
    if (It == Outcomes.end()) {
      It = Outcomes
               .emplace(Key, Outcome{Ctx.bool_const(
                                         fmt::format("goal_{}", Outcomes.size()).c_str()),
                                     {}})
               .first;
      for (unsigned Earlier = 0; Earlier < Run; ++Earlier)
        if (extends(RunFaults[Earlier], F))
          S.add(z3::implies(RunIncludes[Earlier], !It->second.Goal));
    }
    It->second.Runs.push_back(Run);
    return It->second;
  }

  void exclude(const FaultSet &F) { Tried.insert(F); }

  /// Starts a generation: what the runs so far allow, nothing excluded yet.
  void newGeneration() {
    assign(Generation, Ctx.bool_const(fmt::format("gen_{}", ++GenCount).c_str()));
    z3::expr_vector AnyGoal(Ctx);
    for (auto &[Key, O] : Outcomes) {
      AnyGoal.push_back(O.Goal);
      z3::expr_vector Where(Ctx);
      for (unsigned R : O.Runs)
        Where.push_back(RunIncludes[R]);
      S.add(z3::implies(Generation, z3::implies(O.Goal, z3::mk_or(Where))));
    }
    S.add(z3::implies(Generation, AnyGoal.empty() ? Ctx.bool_val(false) : z3::mk_or(AnyGoal)));

    Bound.clear();
    K = 0;
    Dirty = false;
  }

  z3::expr boundLiteral(unsigned Size) {
    auto It = Bound.find(Size);
    if (It != Bound.end())
      return It->second;
    z3::expr Lit = Ctx.bool_const(fmt::format("size_le_{}_{}", Size, GenCount).c_str());
    z3::expr_vector Counted = Faults.counted();
    if (!Counted.empty()) // (Z3's atmost reads its first element)
      S.add(z3::implies(Lit, z3::atmost(Counted, Size)));
    return Bound.emplace(Size, Lit).first->second;
  }

  bool check(const z3::expr_vector &Assumptions) {
    ++Stats.Checks;
    if (Deadline) {
      auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      *Deadline - std::chrono::steady_clock::now())
                      .count();
      if (Left <= 0)
        throw DeadlinePassed();
      // Z3 reads the timeout when a check starts; set it only as it shrinks
      // by a step that matters, since setting parameters is not free.
      if (!TimeoutSet || static_cast<long long>(*TimeoutSet) > Left + 50 ||
          static_cast<long long>(*TimeoutSet) < Left - 1000) {
        z3::params P(Ctx);
        P.set("timeout", static_cast<unsigned>(std::min<long long>(Left, UINT_MAX)));
        S.set(P);
        TimeoutSet = static_cast<unsigned>(Left);
      }
    }
    z3::check_result R = S.check(Assumptions);
    if (R == z3::unknown)
      throw DeadlinePassed(); // the timeout, the one limit set
    return R == z3::sat;
  }

  /// Whether F (exactly) is a candidate of this generation's question.
  bool satisfies(const FaultSet &F) {
    z3::expr_vector A = Faults.exactly(F);
    A.push_back(Generation);
    if (Target)
      A.push_back(*Target);
    return check(A);
  }

  /// Drops omissions, and postpones or drops crashes, while F stays a
  /// candidate: the result is minimal.
  FaultSet shrink(FaultSet F) {
    for (size_t I = 0; I < F.Omissions.size();) {
      FaultSet Smaller = F;
      Smaller.Omissions.erase(Smaller.Omissions.begin() + I);
      if (satisfies(Smaller))
        F = std::move(Smaller);
      else
        ++I;
    }
    for (size_t I = 0; I < F.Crashes.size();) {
      FaultSet Smaller = F;
      Smaller.Crashes.erase(Smaller.Crashes.begin() + I);
      if (satisfies(Smaller)) {
        F = std::move(Smaller);
        continue;
      }
      while (F.Crashes[I].Time < B.EOT) {
        FaultSet Later = F;
        ++Later.Crashes[I].Time;
        if (!satisfies(Later))
          break;
        F = std::move(Later);
      }
      ++I;
    }
    // A timer delayed less is less of a change: drop, or shorten, delays.
    for (size_t I = 0; I < F.TimerDelays.size();) {
      FaultSet Smaller = F;
      Smaller.TimerDelays.erase(Smaller.TimerDelays.begin() + I);
      if (satisfies(Smaller)) {
        F = std::move(Smaller);
        continue;
      }
      while (F.TimerDelays[I].Delay > 1) {
        FaultSet Shorter = F;
        --Shorter.TimerDelays[I].Delay;
        if (!satisfies(Shorter))
          break;
        F = std::move(Shorter);
      }
      ++I;
    }
    return F;
  }

  /// Thrown by check() when the deadline passed; next() answers nothing.
  struct DeadlinePassed {};

  std::optional<FaultSet> next() {
    if (Dirty)
      newGeneration();
    z3::expr_vector Open(Ctx);
    Open.push_back(Generation);
    while (true) {
      z3::expr_vector Assumptions(Ctx);
      Assumptions.push_back(Generation);
      Assumptions.push_back(boundLiteral(K));
      if (!check(Assumptions)) {
        // Nothing of size k is left; is anything left at all?
        if (!check(Open))
          return std::nullopt;
        ++K;
        continue;
      }
      z3::model Model = S.get_model();
      // Shrink towards the outcome this model breaks: shrinking towards any
      // outcome would postpone a crash past the time that breaks this one.
      Target.reset();
      for (auto &[Key, O] : Outcomes)
        if (Model.eval(O.Goal, true).is_true()) {
          Target = O.Goal;
          break;
        }
      FaultSet F = shrink(Faults.read(Model));
      std::optional<z3::expr> Goal = Target;
      Target.reset();
      if (Tried.count(F)) {
        // Not expected (a run's own faults cannot break what held in it, nor
        // target what did not); exclude just this pair and go on.
        z3::expr_vector Exactly = Faults.exactly(F);
        z3::expr Same = Exactly.empty() ? Ctx.bool_val(true) : z3::mk_and(Exactly);
        S.add(z3::implies(Generation, !(Goal ? Same && *Goal : Same)));
        continue;
      }
      S.add(z3::implies(Generation, Faults.notSupersetOf(F)));
      return F;
    }
  }

  Bounds B;
  z3::context Ctx;
  z3::solver S;
  FaultFormula Faults;
  std::vector<z3::expr> RunIncludes;
  std::vector<FaultSet> RunFaults;
  std::map<std::string, Outcome> Outcomes;
  z3::expr Generation;
  bool Dirty = true;
  unsigned GenCount = 0;
  std::map<unsigned, z3::expr> Bound;
  unsigned K = 0;
  std::set<FaultSet> Tried;
  /// While shrinking: the goal of the model being shrunk.
  std::optional<z3::expr> Target;
  SolverStats Stats;
  std::optional<std::chrono::steady_clock::time_point> Deadline;
  /// The timeout (ms) last given to Z3.
  std::optional<unsigned> TimeoutSet;
};

HittingSetSolver::HittingSetSolver(const Bounds &B) : B(B) {}
HittingSetSolver::~HittingSetSolver() = default;

HittingSetSolver::Impl &HittingSetSolver::impl() {
  if (!I) {
    prepareHeapForZ3();
    I = std::make_unique<Impl>(B);
    for (const FaultSet &F : NotAgain)
      I->exclude(F);
    NotAgain.clear();
  }
  return *I;
}

// Z3 reports misuse by exception; it must not cross into the tool's frames.
void HittingSetSolver::addRun(const lineage::Lineage &L, const FaultSet &F) {
  // A run without outcomes or `pre` goals gives no goal, so it adds nothing
  // to a question that has none; it only must not be proposed again.
  if (!I && L.Outcomes.empty() && L.PreGoals.empty()) {
    NotAgain.push_back(F);
    return;
  }
  try {
    impl().addRun(L, F);
  } catch (const z3::exception &E) {
    throw std::runtime_error(std::string("Z3: ") + E.msg());
  }
}

void HittingSetSolver::exclude(const FaultSet &F) {
  if (!I) {
    NotAgain.push_back(F);
    return;
  }
  I->exclude(F);
}

std::optional<FaultSet> HittingSetSolver::next() {
  // No run had a goal: no fault set can break an outcome or make a `pre`
  // appear.
  if (!I)
    return std::nullopt;
  try {
    I->Deadline = Deadline;
    return I->next();
  } catch (const Impl::DeadlinePassed &) {
    TimedOut = true;
    return std::nullopt;
  } catch (const z3::exception &E) {
    throw std::runtime_error(std::string("Z3: ") + E.msg());
  }
}

const SolverStats &HittingSetSolver::stats() const {
  return I ? I->Stats : NoChecks;
}

} // namespace faultline::solver
