//===- Search.cpp - The LDFI loop and its baselines -----------------------===//

#include "faultline/Search/Search.h"

#include "FaultSpace.h"
#include "Symmetry.h"

#include "faultline/Eval/Memory.h"
#include "faultline/IR/ReservedNames.h"
#include "faultline/Lineage/Lineage.h"
#include "faultline/Solver/HittingSets.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

namespace faultline::search {

namespace {

/// The parts every strategy shares: executing a scenario, counting, limits,
/// progress, and keeping counterexamples.
class Searcher {
public:
  Searcher(const eval::Evaluator &Ev, const Bounds &B, const SearchOptions &Opts,
           ir::DiagnosticEngine &Diags)
      : Ev(Ev), B(B), Opts(Opts), Diags(Diags), Start(std::chrono::steady_clock::now()) {
    Result.SpaceSize = faultSpaceSize(B);
    Result.SpaceLog10 = faultSpaceLog10(B);
    Result.TimerFirings = timed();
    Result.Invariants = invariantNames(Ev.program());
    Result.InvariantsWithoutPost = invariantsWithoutPost(Ev.program());
    // The budget covers the whole search: its runs, lineage and solver.
    MemoryBase = Opts.Limits.MemoryBase ? Opts.Limits.MemoryBase : eval::residentBytes();
    MemoryCeiling = eval::memoryCeiling(MemoryBase, Opts.Limits.MaxMemory);
  }

  /// Whether the search has outgrown its memory budget (reported as an
  /// error, as a run that does is).
  bool overMemory() {
    if (!MemoryCeiling || eval::residentBytes() <= MemoryCeiling)
      return false;
    memoryExceeded();
    return true;
  }
  void memoryExceeded() {
    Diags.error(fmt::format("the search exceeds the memory budget of {} after {} runs; "
                            "--max-memory raises it",
                            eval::megabytes(Opts.Limits.MaxMemory), Result.Runs));
    Result.Failed = true;
  }

  /// Whether a limit ends the search before another execution.
  bool outOfBudget() {
    if (Opts.MaxRuns && Result.Runs >= Opts.MaxRuns) {
      Result.StopReason = "max runs reached";
      return true;
    }
    if (Opts.TimeoutSeconds > 0 && seconds() >= Opts.TimeoutSeconds) {
      Result.StopReason = "timeout";
      return true;
    }
    return false;
  }

  /// The limits of every run. The timeout also bounds the run itself: one
  /// run of a program that never converges would otherwise outlast it.
  eval::EvalLimits limits() const {
    eval::EvalLimits L = Opts.Limits;
    L.MemoryBase = MemoryBase;
    if (Opts.TimeoutSeconds > 0)
      L.Deadline = Start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                               std::chrono::duration<double>(Opts.TimeoutSeconds));
    return L;
  }

  /// Adds the time since Since to Phase, and restarts Since.
  static void charge(double &Phase, std::chrono::steady_clock::time_point &Since) {
    auto Now = std::chrono::steady_clock::now();
    Phase += std::chrono::duration<double>(Now - Since).count();
    Since = Now;
  }

  /// Runs F; returns the run, or null after an evaluation error (Failed)
  /// or when the timeout struck during the run (StopReason "timeout"; the
  /// interrupted run does not count).
  /// Whether the scenarios choose when timers fire: the program has timers
  /// and the bounds give them slack.
  bool timed() const { return Ev.hasTimers() && B.TimerSlack > 0; }

  /// Chooser, when set, picks the delay of each timer as it comes due (the
  /// random search); the run's Faults then hold the delays it picked.
  ///
  /// A lean run records no provenance and no negative support: it is read
  /// for its verdict and tables alone (the portfolio's walk). Again: F was
  /// run before (by the walk) and passed; it is evaluated for its lineage
  /// and counts as no run (SearchResult::Reevaluations).
  std::unique_ptr<eval::Run>
  execute(const FaultSet &F,
          std::function<int(const std::string &, const std::string &, int, int)> Chooser = {},
          bool Lean = false, bool Again = false) {
    eval::EvalOptions EO;
    EO.NegativeSupport = Opts.NegativeSupport && !Lean;
    EO.Provenance = !Lean;
    EO.ChooseDelay = std::move(Chooser);
    EO.Limits = limits();
    eval::RunStatus Status;
    auto Began = std::chrono::steady_clock::now();
    auto R = Ev.run(B, F, Diags, EO, &Status);
    charge(Result.EvalSeconds, Began);
    if (Status == eval::RunStatus::TimedOut) {
      Result.StopReason = "timeout";
      return nullptr;
    }
    if (Again && R) {
      ++Result.Reevaluations;
      R->Faults.normalize();
      return R;
    }
    ++Result.Runs;
    if (!R) {
      Result.Failed = true;
      return nullptr;
    }
    R->Faults.normalize();
    Result.Executions.push_back({R->Faults, R->violates()});
    notePre(*R);
    if (R->violates())
      Result.Found.push_back({R->Faults, nullptr, Result.Runs, Position});
    if (Opts.OnProgress) {
      Progress P;
      P.Runs = Result.Runs;
      P.Counterexamples = static_cast<unsigned>(Result.Found.size());
      P.Seconds = seconds();
      Opts.OnProgress(P);
    }
    return R;
  }

  /// Which invariants had a `pre` tuple at EOT in R.
  void notePre(const eval::Run &R) {
    if (auto Pre = R.relation(ir::PreRelation))
      for (eval::TupleId Id : R.table(*Pre, R.EOT))
        PreSeen.insert(invariantOf(R.Tuples[Id].Values, Ev.symbols(), Result.Invariants));
  }

  /// Keeps the run of the counterexample just found.
  void keep(std::unique_ptr<eval::Run> R) { Result.Found.back().Run = std::move(R); }

  bool done() const { return !Result.Found.empty() && !Opts.FindAll; }

  void writeDot(const lineage::Lineage &L) {
    if (Opts.LineageDotDir.empty())
      return;
    llvm::sys::fs::create_directories(Opts.LineageDotDir);
    llvm::SmallString<128> Path(Opts.LineageDotDir);
    llvm::sys::path::append(Path, "run-" + std::to_string(Result.Runs) + ".dot");
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    if (EC) {
      Diags.error("cannot write " + std::string(Path) + ": " + EC.message());
      return;
    }
    L.writeDot(OS);
  }

  SearchResult finish(bool Exhausted) {
    Result.Seconds = seconds();
    for (const std::string &Name : Result.Invariants)
      if (!PreSeen.count(Name) && !llvm::is_contained(Result.InvariantsWithoutPost, Name))
        (PreCovered ? Result.InvariantsPreUnreachable : Result.InvariantsWithoutPre)
            .push_back(Name);
    if (!Result.Found.empty())
      Result.V = Verdict::Counterexample;
    else if (Exhausted && Result.StopReason.empty())
      Result.V = Verdict::Certified;
    else
      Result.V = Verdict::Inconclusive;
    return std::move(Result);
  }

  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  }

  const eval::Evaluator &Ev;
  const Bounds &B;
  const SearchOptions &Opts;
  ir::DiagnosticEngine &Diags;
  std::chrono::steady_clock::time_point Start;
  uint64_t MemoryBase = 0, MemoryCeiling = 0;
  SearchResult Result;
  std::set<std::string> PreSeen;
  /// Whether the search aimed at the `pre` tuples no run had: then an
  /// invariant without one is one that no fault set can make checkable.
  bool PreCovered = false;
  /// Where the fault set executed next stands in the unsharded order
  /// (exhaustive and random search).
  uint64_t Position = 0;

  /// Whether the fault set at Position is this space shard's.
  bool ours() const { return Position % Opts.SpaceShards == Opts.SpaceShard; }
};

/// Which goals of making a `pre` appear (Lineage::PreGoals) still need
/// aiming at. A `pre` tuple some run had is not one of them: its `post` is
/// an outcome of that run, aimed at as such; aiming at the tuple again
/// wherever faults remove it (a crash removes all of its node's) would only
/// multiply the candidates. Nor is the coarse goal (any `pre` tuple, where
/// `pre` is not grounded) once every invariant had a `pre` in some run.
class PreGoalFilter {
public:
  /// InvariantsSeen: those of Invariants some run had a `pre` for (kept up
  /// to date by the searcher).
  PreGoalFilter(const std::vector<std::string> &Invariants,
                const std::set<std::string> &InvariantsSeen)
      : Invariants(Invariants), InvariantsSeen(InvariantsSeen) {}

  /// The keys of the `pre` tuples some run had.
  const std::set<std::string> &seen() const { return Seen; }

  void noteHeld(const std::vector<std::vector<std::string>> &PreHeld) {
    for (const std::vector<std::string> &Columns : PreHeld)
      Seen.insert(lineage::tupleKey(ir::PreRelation, Columns));
  }

  void dropSeen(lineage::Lineage &L) {
    bool EveryInvariantSeen = InvariantsSeen.size() >= Invariants.size();
    llvm::erase_if(L.PreGoals, [&](const lineage::PreGoal &Goal) {
      if (!Goal.Columns.empty())
        return Seen.count(Goal.key()) > 0;
      CoarseDropped = CoarseDropped || EveryInvariantSeen;
      return EveryInvariantSeen;
    });
  }

  /// Whether a coarse goal was dropped: then a `pre` tuple that only faults
  /// create, of an invariant that had others, was not aimed at.
  bool coarseDropped() const { return CoarseDropped; }

private:
  const std::vector<std::string> &Invariants;
  const std::set<std::string> &InvariantsSeen;
  std::set<std::string> Seen; ///< keys of the `pre` tuples some run had
  bool CoarseDropped = false;
};

/// LDFI's partner in the portfolio (SearchOptions::Portfolio): the
/// exhaustive walk of the space, smallest sets first, skipping every set
/// LDFI ran or learnt from a symmetric one. It is paid in runs for LDFI's
/// work (its runs and solver checks), never in time, so the interleaving,
/// and with it which verdict and counterexample come first, depends only
/// on the inputs. It spends nothing before LDFI's first PortfolioAfter
/// runs, then what it was paid so far at once. In a crash-only space of a few thousand scenarios the walk
/// certifies or finds the smallest counterexample sooner than LDFI's
/// solver, which proposes the crashes nearly one by one; in a space with
/// message loss LDFI wins long before the walk would.
class PortfolioWalk {
public:
  PortfolioWalk(Searcher &S, std::set<FaultSet> &Known) : S(S), Known(Known), Space(S.B) {}

  /// Whether the search has a walk: one counterexample wanted, no timer
  /// schedules (whose number the space does not count), no restarts (LDFI
  /// tries a candidate's restarts after running it, so a crash the walk ran
  /// must stay a candidate: ruling it out would leave its restarts to the
  /// walk alone, and LDFI could certify before the walk got to them), a
  /// space small enough to walk.
  static bool applies(const Searcher &S) {
    return S.Opts.Portfolio && !S.Opts.FindAll && !S.timed() && S.B.MaxRestarts <= 0 &&
           S.Result.SpaceSize <= static_cast<long double>(S.Opts.PortfolioMaxSpace);
  }

  /// Credits LDFI's step: one run and Checks solver checks.
  void pay(unsigned Checks) { Credit += S.Opts.PortfolioShare * (1.0 + Checks); }

  enum class Outcome { GoOn, Stop, Exhausted };

  /// Spends the credit on runs. Stop: a counterexample, a limit or an
  /// error; Exhausted: every scenario was run or is known to pass.
  Outcome walk(const std::vector<NodeRenaming> &Symmetries) {
    if (S.Result.Runs - S.Result.WalkRuns < S.Opts.PortfolioAfter)
      return Outcome::GoOn;
    while (Credit >= 1) {
      std::optional<FaultSet> F = Space.next();
      if (!F)
        return Outcome::Exhausted;
      if (Known.count(*F))
        continue;
      if (S.outOfBudget())
        return Outcome::Stop;
      auto R = S.execute(*F, {}, /*Lean=*/true);
      if (!R)
        return Outcome::Stop;
      Credit -= 1;
      ++S.Result.WalkRuns;
      Known.insert(*F);
      if (R->violates()) {
        // The counterexample's run is explained from its firings: evaluate
        // it again with them (the same scenario, not another run).
        eval::EvalOptions EO;
        EO.NegativeSupport = S.Opts.NegativeSupport;
        EO.Limits = S.limits();
        auto Began = std::chrono::steady_clock::now();
        std::unique_ptr<eval::Run> Full = S.Ev.run(S.B, *F, S.Diags, EO);
        S.charge(S.Result.EvalSeconds, Began);
        if (!Full) {
          S.Result.Failed = true;
          return Outcome::Stop;
        }
        Full->Faults.normalize();
        S.keep(std::move(Full));
        return Outcome::Stop;
      }
      // A symmetric image of a passing set passes too. (LDFI is not told:
      // it may still propose the set, since what the set's run teaches,
      // outcomes that only its faults bring about, is what LDFI's
      // certificate rests on; it then evaluates it again for its lineage.)
      for (const NodeRenaming &Sym : Symmetries)
        if (Known.insert(rename(*F, Sym)).second)
          ++S.Result.SymmetricSkipped;
    }
    return Outcome::GoOn;
  }

private:
  Searcher &S;
  std::set<FaultSet> &Known;
  ExhaustiveEnumerator Space;
  double Credit = 0;
};

SearchResult searchLDFI(Searcher &S) {
  solver::HittingSetSolver Solver(S.B);
  if (std::optional<std::chrono::steady_clock::time_point> D = S.limits().Deadline)
    Solver.setDeadline(*D);
  lineage::BuildOptions LO;
  LO.NegativeSupport = S.Opts.NegativeSupport;
  // What lineage reads off the program is read once per search, and the
  // vertices' text only when the graphs are written out.
  lineage::ProgramCache Cache;
  LO.Cache = &Cache;
  LO.Labels = !S.Opts.LineageDotDir.empty();
  // Aim at the `pre` tuples a run lacks as well, by their why-not lineage
  // (grounded if the program's `pre` is, coarse otherwise), so that a `pre`
  // only faults create is searched for. That lineage is negative support.
  LO.PreGoals = S.Opts.NegativeSupport;
  S.PreCovered = LO.PreGoals;
  std::unique_ptr<lineage::Grounding> Ground;
  std::vector<NodeRenaming> Symmetries;
  // After the failure-free run, whose size bounds the grounding's attempts.
  auto Prepare = [&](const eval::Run &FaultFree) {
    // One run with the notins dropped grounds negative support and tells
    // whether the program may order node names (symmetry).
    auto Began = std::chrono::steady_clock::now();
    Ground = lineage::Grounding::make(S.Ev, S.B, S.limits(), FaultFree.Tuples.size());
    S.charge(S.Result.LineageSeconds, Began);
    if (S.Opts.NegativeSupport && S.Opts.GroundedNegativeSupport)
      LO.Ground = Ground.get();
    // A run of F tells what the run of its image under a symmetry would:
    // the solver learns the image's lineage without running it.
    if (S.Opts.Symmetry)
      Symmetries = nodeSymmetries(S.Ev.program(), S.B, Ground.get());
  };
  std::set<FaultSet> Known; // run, or learnt from a symmetry
  std::optional<PortfolioWalk> Walk;
  if (PortfolioWalk::applies(S)) {
    Walk.emplace(S, Known);
    S.Result.Portfolio = true;
  }
  PreGoalFilter Pres(S.Result.Invariants, S.PreSeen);
  // Goals for what earlier runs had are not even built; the filter still
  // drops what a run's symmetric images had.
  LO.PreSeen = &Pres.seen();
  if (S.B.MaxRestarts > 0)
    LO.RestartNodes = S.B.Nodes;
  LO.Deadline = S.limits().Deadline;
  LO.MemoryCeiling = S.MemoryCeiling;
  auto Learn = [&](const FaultSet &F, lineage::Lineage *L) {
    Known.insert(F);
    std::vector<std::pair<FaultSet, const NodeRenaming *>> Images;
    for (const NodeRenaming &Sym : Symmetries) {
      FaultSet Image = rename(F, Sym);
      if (!Known.insert(Image).second)
        continue;
      ++S.Result.SymmetricSkipped;
      if (!L) {
        Solver.exclude(Image);
        continue;
      }
      Images.emplace_back(Image, &Sym);
      Pres.noteHeld(L->renamedPreHeld(Sym));
    }
    if (!L)
      return;
    Pres.dropSeen(*L);
    auto Began = std::chrono::steady_clock::now();
    Solver.addRun(*L, F);
    S.charge(S.Result.SolverSeconds, Began);
    for (const auto &[Image, Sym] : Images) {
      lineage::Lineage IL = L->renamed(*Sym);
      Pres.dropSeen(IL);
      S.charge(S.Result.LineageSeconds, Began);
      Solver.addRun(IL, Image);
      S.charge(S.Result.SolverSeconds, Began);
    }
  };
  // The solver chooses omissions and crashes; restarts come as variants of
  // each candidate with crashes (docs/design.md, "Restarts"). They are run,
  // not learnt from: the solver cannot tell a candidate with restarts from
  // one without, and a restarted node's derivations would say nothing about
  // the node staying down. Returns whether the search goes on.
  auto TryRestarts = [&](const FaultSet &F) {
    for (const FaultSet &V : restartVariants(S.B, F)) {
      if (!Known.insert(V).second)
        continue;
      if (S.outOfBudget())
        return false;
      auto R = S.execute(V);
      if (!R)
        return false;
      if (R->violates()) {
        S.keep(std::move(R));
        if (S.done())
          return false;
      }
    }
    return true;
  };
  std::optional<FaultSet> Next = FaultSet();
  bool Exhausted = false;
  while (true) {
    if (!Next) {
      Exhausted = true;
      break;
    }
    if (S.outOfBudget())
      break;
    // A set the walk ran (and passed) is evaluated again for its lineage:
    // the same scenario, not another run.
    bool Again = Walk && Known.count(*Next);
    auto R = S.execute(*Next, {}, false, /*Again=*/Again);
    if (!R)
      break;
    // Bounds without faults (no crashes, no omissions before EFF) leave
    // the failure-free run the only scenario: no grounding, lineage or
    // solver needed, however long the run.
    if (S.Result.Runs == 1 && !R->violates() && S.Result.SpaceSize <= 1 && !S.timed() &&
        S.Opts.LineageDotDir.empty()) {
      Exhausted = true;
      break;
    }
    if (S.Result.Runs == 1)
      Prepare(*R);
    if (R->violates()) {
      if (S.Result.Runs == 1)
        S.Result.NoFaultNeeded = true;
      S.keep(std::move(R));
      if (S.done() || S.Result.NoFaultNeeded)
        break;
      Solver.exclude(*Next);
      // --find-all reports every counterexample, its images too.
      if (!S.Opts.FindAll)
        Learn(*Next, nullptr);
    } else {
      // Only passing runs teach: a violating run's faults are a finding.
      auto Began = std::chrono::steady_clock::now();
      lineage::Lineage L = lineage::Lineage::build(*R, S.Ev.program(), S.Ev.symbols(), LO);
      S.charge(S.Result.LineageSeconds, Began);
      if (L.Stopped == lineage::Lineage::Stop::Deadline) {
        S.Result.StopReason = "timeout";
        break;
      }
      if (L.Stopped == lineage::Lineage::Stop::Memory) {
        S.memoryExceeded();
        break;
      }
      S.writeDot(L);
      Pres.noteHeld(L.PreHeld);
      Learn(*Next, &L);
      if (!TryRestarts(*Next))
        break;
    }
    if (S.overMemory())
      break;
    // The walk's turn, with what LDFI's previous steps paid.
    if (Walk) {
      PortfolioWalk::Outcome O = Walk->walk(Symmetries);
      if (O == PortfolioWalk::Outcome::Exhausted) {
        Exhausted = true;
        S.PreCovered = true; // every fault set was run or learnt from
        S.Result.WalkDecided = true;
        break;
      }
      if (O == PortfolioWalk::Outcome::Stop) {
        S.Result.WalkDecided = S.done();
        break;
      }
    }
    auto Began = std::chrono::steady_clock::now();
    unsigned ChecksBefore = Solver.stats().Checks;
    Next = Solver.next();
    S.charge(S.Result.SolverSeconds, Began);
    if (Solver.timedOut()) {
      S.Result.StopReason = "timeout";
      break;
    }
    // The walk is paid for this step; it spends the pay after LDFI has run
    // the candidate the step proposed, so that a candidate LDFI found
    // comes first.
    if (Walk)
      Walk->pay(Solver.stats().Checks - ChecksBefore);
  }
  S.Result.SolverChecks = Solver.stats().Checks;
  // Unless every fault set was run or learnt from a symmetric one (with
  // timer schedules, the space counts fault sets without their delays).
  S.Result.PreGoalsPartial =
      Pres.coarseDropped() &&
      (S.timed() || static_cast<long double>(Known.size()) < S.Result.SpaceSize);
  return S.finish(Exhausted);
}

/// A timer whose firing a run's scenario chose: it was pending when it came
/// due, with MaxDelay > 0.
struct TimerChoice {
  int Due = 0;
  std::string Node, Timer;
  int MaxDelay = 0;
  auto key() const { return std::tie(Due, Node, Timer); }
};

/// The timers of R the scenario chose the firing of, in the order they came due.
static std::vector<TimerChoice> timerChoices(const eval::Run &R) {
  std::vector<TimerChoice> Out;
  for (const eval::TimerArming &A : R.Timers)
    if (A.MaxDelay > 0)
      Out.push_back({A.Due, A.Node, A.Timer, A.MaxDelay});
  std::sort(Out.begin(), Out.end(),
            [](const TimerChoice &X, const TimerChoice &Y) { return X.key() < Y.key(); });
  return Out;
}

SearchResult searchExhaustive(Searcher &S) {
  ExhaustiveEnumerator Space(S.B);
  // Every fault set is run, unless other space shards run some.
  S.PreCovered = S.Opts.SpaceShards == 1;
  // Each fault set of the space is then walked over the timer firings it
  // leads to (docs/design.md, "Timers"): a timer's choice changes only what
  // happens from its due step on, so deciding the timers in the order they
  // come due, each with every delay the bounds allow, walks every schedule
  // once. Delay 0 is the run already made; the others are new runs, whose
  // timers after the one just decided are decided in turn.
  struct Pending {
    FaultSet F;
    std::vector<TimerChoice> Choices; ///< of F's run
    size_t Next = 0;                  ///< the first of Choices not decided
  };
  std::vector<Pending> Stack;
  /// Runs G and pushes its undecided timers after Decided; false when the
  /// search ends.
  auto Explore = [&](FaultSet G, std::optional<TimerChoice> Decided) {
    if (S.outOfBudget())
      return false;
    auto R = S.execute(G);
    if (!R)
      return false;
    if (S.Position == 0 && !Decided && R->violates())
      S.Result.NoFaultNeeded = true;
    Pending P{std::move(G), S.timed() ? timerChoices(*R) : std::vector<TimerChoice>(), 0};
    if (Decided)
      while (P.Next < P.Choices.size() && P.Choices[P.Next].key() <= Decided->key())
        ++P.Next;
    if (R->violates())
      S.keep(std::move(R));
    if (S.done())
      return false;
    Stack.push_back(std::move(P));
    return true;
  };
  for (bool First = true;; First = false) {
    std::optional<FaultSet> F = Space.next();
    if (!F)
      return S.finish(true);
    S.Position += !First;
    if (!S.ours())
      continue;
    if (!Explore(*F, std::nullopt))
      return S.finish(false);
    while (!Stack.empty()) {
      Pending &Top = Stack.back();
      if (Top.Next >= Top.Choices.size()) {
        Stack.pop_back();
        continue;
      }
      // Delay 0 of this timer is Top's own run: decide it and move on; the
      // other delays are runs of their own.
      TimerChoice C = Top.Choices[Top.Next++];
      FaultSet Base = Top.F;
      for (int K = 1; K <= C.MaxDelay; ++K) {
        FaultSet G = Base;
        G.TimerDelays.push_back({C.Node, C.Timer, C.Due, K});
        G.normalize();
        if (!Explore(std::move(G), C))
          return S.finish(false);
      }
    }
  }
}

SearchResult searchRandom(Searcher &S) {
  // Random search never certifies: it stops at a counterexample or a limit
  // (by default, as many runs as the space has scenarios, capped).
  Random Rng(S.Opts.Seed);
  std::set<FaultSet> Tried;
  unsigned Misses = 0;
  // With timers, each one's delay is drawn as it comes due, so a schedule
  // is known only once run: a repeated one counts as a run (as a random
  // injector's would), and fewer repeats in a row end the search.
  std::function<int(const std::string &, const std::string &, int, int)> Chooser;
  unsigned MaxMisses = 10000;
  if (S.timed()) {
    Chooser = [&Rng](const std::string &, const std::string &, int, int Max) {
      return static_cast<int>(Rng.below(static_cast<uint64_t>(Max) + 1));
    };
    MaxMisses = 100;
  }
  auto Missed = [&] {
    // Seen before: a small space is exhausted when misses pile up.
    if (++Misses <= MaxMisses)
      return false;
    S.Result.StopReason = "no new random scenarios";
    return true;
  };
  // Sharded (not with timers: their delays are drawn as the runs go),
  // every shard draws the same fault sets and runs those at its positions;
  // --max-runs then counts the draws, so that the shards run together what
  // the unsharded search runs.
  bool Sharded = S.Opts.SpaceShards > 1;
  if (Sharded && Chooser) {
    S.Diags.error("random search cannot be split by --space-shard when the program has timers "
                  "and the bounds a timer slack: the delays are drawn as the runs go");
    S.Result.Failed = true;
    return S.finish(false);
  }
  uint64_t Drawn = 0; // distinct fault sets drawn
  while (!S.outOfBudget()) {
    if (Sharded && S.Opts.MaxRuns && Drawn >= S.Opts.MaxRuns) {
      S.Result.StopReason = "max runs reached";
      break;
    }
    FaultSet F = randomFaults(S.B, Rng);
    if (!Chooser && !Tried.insert(F).second) {
      if (Missed())
        break;
      continue;
    }
    S.Position = Drawn++;
    if (!S.ours()) {
      Misses = 0;
      continue;
    }
    auto R = S.execute(F, Chooser);
    if (!R)
      break;
    if (Chooser && !Tried.insert(R->Faults).second) {
      if (Missed())
        break;
      continue;
    }
    Misses = 0;
    if (R->violates())
      S.keep(std::move(R));
    if (S.done())
      break;
  }
  return S.finish(false);
}

} // namespace

SearchResult search(const eval::Evaluator &Ev, const Bounds &B, const SearchOptions &Opts,
                    ir::DiagnosticEngine &Diags) {
  Searcher S(Ev, B, Opts, Diags);
  if (Opts.SpaceShards > 1 && Opts.Strat == Strategy::LDFI) {
    // Each LDFI run's lineage picks the next: no order to split.
    Diags.error("the LDFI search cannot be split by --space-shard: use --strategy exhaustive "
                "or random, or split by scenario with --shard");
    S.Result.Failed = true;
    return S.finish(false);
  }
  switch (Opts.Strat) {
  case Strategy::LDFI:
    return searchLDFI(S);
  case Strategy::Exhaustive:
    return searchExhaustive(S);
  case Strategy::Random:
    return searchRandom(S);
  }
  return S.finish(false);
}

} // namespace faultline::search
