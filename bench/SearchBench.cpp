//===- SearchBench.cpp - LDFI against random and exhaustive search --------===//
//
// For every row of the conformance table (a model of test/models at Molly's
// bounds, with Molly's verdict), runs the search with each strategy (LDFI,
// random, exhaustive) --reps times and reports the median number of
// executions and the median wall time to the first counterexample or to
// certification, the verdict, the size of the fault space, and the size of
// the first counterexample.
//
// Random search is randomized: its repetitions use seeds 1..reps, and the
// median is over those seeds. LDFI and exhaustive search are deterministic:
// their runs never vary, only their time does, so a deterministic search that
// hits a cap or takes over a second is measured once (repeating it would
// only time the cap again).
//
// Random and exhaustive search are capped (--max-runs, --timeout per
// search); a capped search is reported as ">N", marked. Every search runs in
// a forked child process that is killed one second past the timeout: the
// exhaustive enumerator can spend minutes between two scenarios (it walks
// every subset of the atomic faults and skips the non-canonical ones, e.g.
// subsets with two crashes of one node), where the search's own timeout,
// checked between executions, cannot stop it. The child inherits the loaded
// program, so every search starts from the same state, and runs an untimed
// one-execution search of the same kind before the timed one.
//
// Negative support is on, as in the faultline tool by default: the expected
// verdicts assume it (without it, LDFI certifies the Kafka bug).
//
// The benchmark doubles as a sanity check: it exits 1 if LDFI's verdict
// differs from the expected one, if a baseline contradicts it (a
// counterexample in a row expected certified, or exhaustive certification
// of a row expected to have one), or if a deterministic search varies.
//
//===----------------------------------------------------------------------===//

#include "faultline/Eval/Evaluator.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Validate.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Search/Search.h"

#include "llvm/Support/raw_ostream.h"

#include "BenchOptions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef FAULTLINE_MODELS_DIR
#define FAULTLINE_MODELS_DIR "test/models"
#endif

using namespace faultline;

namespace {

using Clock = std::chrono::steady_clock;

// ---- The conformance table --------------------------------------------------

struct Row {
  const char *Model; ///< Relative to the models directory.
  int EOT, EFF;
  const char *Nodes;
  int Crashes;
  bool ExpectCounterexample;
  /// The search rows (issue 13): LDFI against exhaustive search only, on
  /// bounds where random search would spend its whole cap.
  bool SkipRandom = false;
};

/// Molly's CounterexampleSuite at Molly's bounds (SPEC section 3), as
/// test/models reproduces it, then the search rows of issue 13.
const Row Table[] = {
    {"broadcast/send_once.ded", 6, 3, "a,b,c", 0, true},
    {"broadcast/retry.ded", 6, 3, "a,b,c", 0, false},
    {"broadcast/retry.ded", 6, 3, "a,b,c", 1, true},
    {"broadcast/classic.ded", 6, 3, "a,b,c", 0, true},
    {"broadcast/classic.ded", 6, 0, "a,b,c", 2, false},
    {"broadcast/redundant.ded", 6, 3, "a,b,c", 0, false},
    {"broadcast/redundant.ded", 6, 3, "a,b,c", 1, false},
    {"broadcast/ack.ded", 6, 3, "a,b,c", 1, false},
    {"commit/2pc.ded", 7, 3, "C,a,b,d", 0, false},
    {"commit/2pc.ded", 6, 0, "C,a,b,d", 1, true},
    {"commit/2pc_timeout.ded", 6, 0, "C,a,b,d", 1, false},
    {"commit/2pc_timeout.ded", 6, 0, "C,a,b,d", 2, false},
    {"commit/3pc.ded", 8, 0, "C,a,b,d", 1, false},
    {"commit/3pc.ded", 8, 0, "C,a,b,d", 2, false},
    {"commit/3pc.ded", 9, 7, "C,a,b,d", 1, true},
    {"kafka/isr.ded", 7, 4, "a,b,c,C,Z", 1, true},
    {"kafka/isr.ded", 7, 4, "a,b,c,C,Z", 0, false},
    // The search rows: delivery with a negatively stated agreement (where
    // coarse negative support made runs explode), growing bounds.
    {"delivery/relay.ded", 5, 4, "a,b,c", 1, false, true},
    {"delivery/relay.ded", 8, 7, "a,b,c", 1, false, true},
    {"delivery/relay.ded", 11, 10, "a,b,c", 1, false, true},
    {"delivery/acked.ded", 5, 4, "a,b,c", 1, false, true},
    {"delivery/acked.ded", 6, 5, "a,b,c", 1, false, true},
    {"delivery/acked.ded", 8, 7, "a,b,c", 1, false, true},
    {"delivery/once.ded", 8, 7, "a,b,c", 1, true, true},
    {"kafka/isr_small.ded", 6, 2, "a,b,Z", 1, true, true},
    // The blind spot: a pre that only faults create (the failure-free run
    // has none). A crash notice sent once, broken by a crash and a lost
    // notice, or by two crashes; an alarm forwarded once, broken by a lost
    // heartbeat and a lost alarm.
    {"detector/told.ded", 6, 0, "m,a,b", 1, false, true},
    {"detector/told.ded", 6, 0, "m,a,b", 2, true, true},
    {"detector/told.ded", 6, 4, "m,a,b", 1, true, true},
    {"detector/alarm.ded", 6, 2, "m,a,o", 0, false, true},
    {"detector/alarm.ded", 6, 5, "m,a,o", 0, true, true},
    // The same behind a min<> selection: a lost request makes the server
    // serve another, which it must announce once.
    {"selection/fallback.ded", 6, 3, "a,b,c", 0, false, true},
    {"selection/fallback.ded", 6, 5, "a,b,c", 0, true, true},
};

std::string modelName(const Row &R) {
  std::string M = R.Model;
  if (M.size() > 4 && M.compare(M.size() - 4, 4, ".ded") == 0)
    M.resize(M.size() - 4);
  return M;
}

std::string boundsText(const Row &R) {
  return fmt::format("{}/{}/{}/{}", R.EOT, R.EFF, R.Nodes, R.Crashes);
}

Bounds boundsOf(const Row &R) {
  Bounds B;
  B.EOT = R.EOT;
  B.EFF = R.EFF;
  B.MaxCrashes = R.Crashes;
  std::string Nodes = R.Nodes;
  size_t Pos = 0;
  while (Pos <= Nodes.size()) {
    size_t Comma = Nodes.find(',', Pos);
    if (Comma == std::string::npos)
      Comma = Nodes.size();
    B.Nodes.push_back(Nodes.substr(Pos, Comma - Pos));
    Pos = Comma + 1;
  }
  return B;
}

// ---- One search, in a child process ----------------------------------------

enum class Stop {
  Verdict,   ///< Reached a counterexample or certification.
  RunCap,    ///< --max-runs.
  TimeCap,   ///< The search's own timeout.
  Killed,    ///< The watchdog killed it: it did not stop by the timeout.
  SpaceDone, ///< Random search found no new scenario: it tried the whole space.
  Other,     ///< Inconclusive for another reason.
};

const char *stopName(Stop S) {
  switch (S) {
  case Stop::Verdict:
    return "verdict";
  case Stop::RunCap:
    return "max runs";
  case Stop::TimeCap:
    return "timeout";
  case Stop::Killed:
    return "killed";
  case Stop::SpaceDone:
    return "no new random scenarios";
  case Stop::Other:
    return "other";
  }
  return "other";
}


const char *verdictShort(search::Verdict V) {
  switch (V) {
  case search::Verdict::Counterexample:
    return "cex";
  case search::Verdict::Certified:
    return "certified";
  case search::Verdict::Inconclusive:
    return "inconcl.";
  }
  return "inconcl.";
}

struct Sample {
  search::Verdict V = search::Verdict::Inconclusive;
  unsigned Runs = 0;
  double Seconds = 0;
  Stop How = Stop::Other;
  size_t CexSize = 0; ///< Faults in the first counterexample (0: none found).
  unsigned CexRun = 0;
  uint64_t Seed = 0; ///< Random search only.
  /// SearchResult's phases: evaluation, lineage, solver (seconds).
  double Eval = 0, Lineage = 0, Solver = 0;
  unsigned Checks = 0; ///< The solver's.
  /// Only a lower bound on the runs and the time to a verdict.
  bool capped() const { return How == Stop::RunCap || How == Stop::TimeCap || How == Stop::Killed; }
};

/// What the child writes back, in memory shared with the parent.
struct Shared {
  volatile unsigned ProgressRuns;
  volatile int Done;
  int Verdict;
  unsigned Runs;
  double Seconds;
  int How;
  unsigned CexSize;
  unsigned CexRun;
  double Eval, Lineage, Solver;
  unsigned Checks;
};

struct Limits {
  /// Count what `notin` subgoals relied on as support, as Molly does (the
  /// faultline tool's default, which the conformance verdicts assume).
  bool NegativeSupport = true;
  unsigned MaxRuns = 20000;
  double TimeoutSeconds = 10;
  /// The watchdog kills a search this long after its timeout.
  double GraceSeconds = 1;
};

/// Runs one search in a forked child. Returns nothing, after saying why on
/// stderr, if the child failed (an evaluation error, a crash).
std::optional<Sample> runSearch(const eval::Evaluator &Ev, const ir::Program &Prog,
                                const Bounds &B, search::Strategy Strat, bool Portfolio,
                                uint64_t Seed, const Limits &Lim, Shared *Slot,
                                const std::string &What) {
  std::memset(static_cast<void *>(Slot), 0, sizeof(Shared));
  std::fflush(stdout);
  std::fflush(stderr);
  llvm::errs().flush();
  Clock::time_point Forked = Clock::now();
  pid_t Pid = fork();
  if (Pid < 0) {
    fmt::print(stderr, "faultline-bench-search: fork: {}\n", std::strerror(errno));
    return std::nullopt;
  }
  if (Pid == 0) {
    ir::DiagnosticEngine Diags(llvm::errs());
    Diags.setProgram(&Prog);
    search::SearchOptions SO;
    SO.Strat = Strat;
    SO.MaxRuns = Strat == search::Strategy::LDFI ? 0 : Lim.MaxRuns;
    SO.TimeoutSeconds = Lim.TimeoutSeconds;
    SO.Seed = Seed;
    SO.Portfolio = Portfolio;
    SO.NegativeSupport = Lim.NegativeSupport;
    // An untimed warm-up search of one execution first, so that one-time
    // costs of a fresh process (page faults, the allocator's first chunks,
    // the solver's global state) are not timed.
    {
      search::SearchOptions Warm = SO;
      Warm.MaxRuns = 1;
      search::search(Ev, B, Warm, Diags);
    }
    SO.OnProgress = [Slot](const search::Progress &P) { Slot->ProgressRuns = P.Runs; };
    Clock::time_point Start = Clock::now();
    search::SearchResult R = search::search(Ev, B, SO, Diags);
    double Seconds = std::chrono::duration<double>(Clock::now() - Start).count();
    Slot->Verdict = static_cast<int>(R.V);
    Slot->Runs = R.Runs;
    Slot->Seconds = Seconds;
    Slot->Eval = R.EvalSeconds;
    Slot->Lineage = R.LineageSeconds;
    Slot->Solver = R.SolverSeconds;
    Slot->Checks = R.SolverChecks;
    Stop How = Stop::Other;
    if (R.V != search::Verdict::Inconclusive)
      How = Stop::Verdict;
    else if (R.StopReason == "max runs reached")
      How = Stop::RunCap;
    else if (R.StopReason == "timeout")
      How = Stop::TimeCap;
    else if (R.StopReason == "no new random scenarios")
      How = Stop::SpaceDone;
    Slot->How = static_cast<int>(How);
    if (!R.Found.empty()) {
      Slot->CexSize = static_cast<unsigned>(R.Found.front().Faults.size());
      Slot->CexRun = R.Found.front().RunNumber;
    }
    Slot->Done = 1;
    llvm::errs().flush();
    _exit(R.Failed || Diags.hasErrors() ? 3 : 0);
  }

  // The parent waits, and kills the child GraceSeconds past its timeout.
  bool Killed = false;
  int Status = 0;
  useconds_t Nap = 50;
  while (true) {
    pid_t W = waitpid(Pid, &Status, WNOHANG);
    if (W == Pid)
      break;
    if (W < 0 && errno != EINTR) {
      fmt::print(stderr, "faultline-bench-search: waitpid: {}\n", std::strerror(errno));
      return std::nullopt;
    }
    double Elapsed = std::chrono::duration<double>(Clock::now() - Forked).count();
    if (Lim.TimeoutSeconds > 0 && Elapsed > Lim.TimeoutSeconds + Lim.GraceSeconds) {
      kill(Pid, SIGKILL);
      while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
      }
      Killed = true;
      break;
    }
    usleep(Nap);
    Nap = std::min<useconds_t>(Nap * 2, 5000);
  }

  Sample S;
  S.Seed = Seed;
  if (Killed) {
    S.V = search::Verdict::Inconclusive;
    S.Runs = Slot->ProgressRuns;
    S.Seconds = std::chrono::duration<double>(Clock::now() - Forked).count();
    S.How = Stop::Killed;
    return S;
  }
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0 || !Slot->Done) {
    if (WIFSIGNALED(Status))
      fmt::print(stderr, "faultline-bench-search: {}: the search died of signal {}\n", What,
                 WTERMSIG(Status));
    else
      fmt::print(stderr, "faultline-bench-search: {}: the search failed (exit status {})\n",
                 What, WIFEXITED(Status) ? WEXITSTATUS(Status) : -1);
    return std::nullopt;
  }
  S.V = static_cast<search::Verdict>(Slot->Verdict);
  S.Runs = Slot->Runs;
  S.Seconds = Slot->Seconds;
  S.How = static_cast<Stop>(Slot->How);
  S.CexSize = Slot->CexSize;
  S.CexRun = Slot->CexRun;
  S.Eval = Slot->Eval;
  S.Lineage = Slot->Lineage;
  S.Solver = Slot->Solver;
  S.Checks = Slot->Checks;
  return S;
}

// ---- Results ----------------------------------------------------------------

/// A median that knows when it is only a lower bound: samples that hit a cap
/// sort after every sample that did not, and a median that falls on one is
/// reported as "more than" that sample's value.
struct Median {
  double Value = 0;
  bool Capped = false;
  Stop How = Stop::Verdict; ///< Of the sample the median fell on (for markers).
};

Median medianOf(const std::vector<Sample> &Samples, double (*Key)(const Sample &)) {
  std::vector<const Sample *> Sorted;
  for (const Sample &S : Samples)
    Sorted.push_back(&S);
  std::stable_sort(Sorted.begin(), Sorted.end(), [&](const Sample *A, const Sample *B) {
    if (A->capped() != B->capped())
      return !A->capped();
    return Key(*A) < Key(*B);
  });
  size_t N = Sorted.size();
  const Sample *Lo = Sorted[(N - 1) / 2], *Hi = Sorted[N / 2];
  Median M;
  if (Hi->capped()) {
    M.Capped = true;
    M.Value = Key(*Hi);
    M.How = Hi->How;
  } else {
    M.Value = (Key(*Lo) + Key(*Hi)) / 2;
    M.How = Hi->How == Lo->How ? Hi->How : Stop::Verdict;
  }
  return M;
}

double runsKey(const Sample &S) { return S.Runs; }
double secondsKey(const Sample &S) { return S.Seconds; }

struct StrategyResult {
  StrategyResult(const char *Name, search::Strategy Strat, bool Portfolio = true)
      : Name(Name), Strat(Strat), Portfolio(Portfolio) {}
  const char *Name;
  search::Strategy Strat;
  /// LDFI's portfolio (SearchOptions::Portfolio); "ldfi alone" is without.
  bool Portfolio;
  std::vector<Sample> Samples;

  Median runs() const { return medianOf(Samples, runsKey); }
  Median seconds() const { return medianOf(Samples, secondsKey); }
  /// The median size of the first counterexample over the samples that found
  /// one, or nothing.
  std::optional<double> cexSize() const {
    std::vector<double> Sizes;
    for (const Sample &S : Samples)
      if (S.V == search::Verdict::Counterexample)
        Sizes.push_back(static_cast<double>(S.CexSize));
    if (Sizes.empty())
      return std::nullopt;
    std::sort(Sizes.begin(), Sizes.end());
    size_t N = Sizes.size();
    return (Sizes[(N - 1) / 2] + Sizes[N / 2]) / 2;
  }
  unsigned found() const {
    unsigned N = 0;
    for (const Sample &S : Samples)
      N += S.V == search::Verdict::Counterexample;
    return N;
  }
};

struct RowResult {
  const Row *R = nullptr;
  long double Space = 0;
  StrategyResult LDFI{"ldfi", search::Strategy::LDFI};
  StrategyResult Random{"random", search::Strategy::Random};
  StrategyResult Exhaustive{"exhaustive", search::Strategy::Exhaustive};
  StrategyResult Alone{"ldfi_alone", search::Strategy::LDFI, /*Portfolio=*/false};
  std::vector<std::string> Problems; ///< Mismatches and contradictions.

  std::vector<StrategyResult *> strategies() { return {&LDFI, &Random, &Exhaustive, &Alone}; }
  std::vector<const StrategyResult *> strategies() const {
    return {&LDFI, &Random, &Exhaustive, &Alone};
  }
  search::Verdict expected() const {
    return R->ExpectCounterexample ? search::Verdict::Counterexample
                                   : search::Verdict::Certified;
  }
  /// LDFI's verdict: that of its first sample (they are checked to agree).
  search::Verdict ldfiVerdict() const { return LDFI.Samples.front().V; }
};

/// A search that hits a cap or takes longer than this is deterministic
/// enough to be measured once.
constexpr double RepeatBelowSeconds = 1.0;

/// Checks the samples of one row; records what is wrong in Out.Problems.
void check(RowResult &Out) {
  // Deterministic strategies must agree with themselves.
  for (const StrategyResult *S : {&Out.LDFI, &Out.Exhaustive, &Out.Alone})
    for (const Sample &Smp : S->Samples)
      if (!Smp.capped() && !S->Samples.front().capped() &&
          (Smp.V != S->Samples.front().V || Smp.Runs != S->Samples.front().Runs ||
           Smp.CexSize != S->Samples.front().CexSize)) {
        Out.Problems.push_back(fmt::format(
            "{} is not deterministic: {} in {} runs, then {} in {} runs", S->Name,
            report::verdictName(S->Samples.front().V), S->Samples.front().Runs, report::verdictName(Smp.V),
            Smp.Runs));
        break;
      }
  // The portfolio decides as LDFI alone does (unless a cap stopped that).
  if (!Out.Alone.Samples.empty() && !Out.Alone.Samples.front().capped() &&
      Out.Alone.Samples.front().V != Out.ldfiVerdict())
    Out.Problems.push_back(fmt::format("MISMATCH: ldfi says {}, ldfi alone {}",
                                       report::verdictName(Out.ldfiVerdict()),
                                       report::verdictName(Out.Alone.Samples.front().V)));
  if (Out.ldfiVerdict() != Out.expected())
    Out.Problems.push_back(fmt::format("MISMATCH: ldfi says {}, expected {}",
                                       report::verdictName(Out.ldfiVerdict()),
                                       report::verdictName(Out.expected())));
  // The baselines must not contradict the expected verdict.
  for (const StrategyResult *S : {&Out.Random, &Out.Exhaustive})
    for (const Sample &Smp : S->Samples) {
      bool Contradicts = Out.R->ExpectCounterexample
                             ? Smp.V == search::Verdict::Certified
                             : Smp.V == search::Verdict::Counterexample;
      if (Contradicts) {
        Out.Problems.push_back(fmt::format(
            "CONTRADICTION: {} search{} says {} ({} runs), expected {}", S->Name,
            S->Strat == search::Strategy::Random ? fmt::format(" (seed {})", Smp.Seed) : "",
            report::verdictName(Smp.V), Smp.Runs, report::verdictName(Out.expected())));
        break;
      }
    }
}

// ---- Reporting --------------------------------------------------------------

std::string humanTime(double S) {
  if (S >= 1)
    return fmt::format("{:.2f} s", S);
  if (S >= 1e-3)
    return fmt::format("{:.1f} ms", S * 1e3);
  return fmt::format("{:.0f} us", S * 1e6);
}

std::string countText(long double N) {
  if (N < 1e9L)
    return fmt::format("{}", static_cast<unsigned long long>(std::llround(N)));
  return fmt::format("{:.3g}", static_cast<double>(N));
}

std::string numberText(double V) {
  if (V == std::floor(V))
    return fmt::format("{:.0f}", V);
  return fmt::format("{:.1f}", V);
}

char marker(Stop How) {
  switch (How) {
  case Stop::RunCap:
    return '*';
  case Stop::TimeCap:
    return '+';
  case Stop::Killed:
    return '#';
  case Stop::SpaceDone:
    return '=';
  case Stop::Other:
    return '?';
  case Stop::Verdict:
    return ' ';
  }
  return ' ';
}

std::string runsCell(const StrategyResult &S) {
  if (S.Samples.empty())
    return "-";
  Median M = S.runs();
  if (M.Capped)
    return fmt::format(">{}{}", numberText(M.Value), marker(M.How));
  return fmt::format("{}{}", numberText(M.Value), marker(M.How));
}

std::string timeCell(const StrategyResult &S) {
  if (S.Samples.empty())
    return "-";
  Median M = S.seconds();
  return (M.Capped ? ">" : "") + humanTime(M.Value);
}

std::string sizeCell(const StrategyResult &S) {
  auto Size = S.cexSize();
  return Size ? numberText(*Size) : "-";
}

/// Where LDFI's time goes per run, from the sample whose time is the
/// median: what it adds to each run (lineage, solver) against the run's
/// evaluation, the cost exhaustive search pays per scenario.
void printPhases(const std::vector<RowResult> &Results) {
  fmt::print("\nldfi per run (ms; the median sample): evaluation | lineage   solver "
             "checks | overhead/eval\n");
  for (const RowResult &R : Results) {
    std::vector<const Sample *> Sorted;
    for (const Sample &S : R.LDFI.Samples)
      Sorted.push_back(&S);
    std::sort(Sorted.begin(), Sorted.end(),
              [](const Sample *A, const Sample *B) { return A->Seconds < B->Seconds; });
    const Sample &M = *Sorted[(Sorted.size() - 1) / 2];
    if (!M.Runs)
      continue;
    double Per = 1000.0 / M.Runs;
    fmt::print("{:<19} {:<15} {:>10.3f} | {:>7.3f} {:>8.3f} {:>6.1f} | {:>8.2f}x\n",
               modelName(*R.R), boundsText(*R.R), M.Eval * Per, M.Lineage * Per, M.Solver * Per,
               M.Checks / static_cast<double>(M.Runs),
               M.Eval > 0 ? (M.Lineage + M.Solver) / M.Eval : 0.0);
  }
}

/// Whether LDFI (with its portfolio) loses to brute force on a row (issue
/// 24): its wall time above exhaustive search's where it ran fewer
/// scenarios, or, on a counterexample row, its runs above random search's
/// median. Each test is "-" where it does not apply (a capped baseline, a
/// certified row for random search).
void printScore(const std::vector<RowResult> &Results) {
  fmt::print("\nldfi (with the portfolio) against ldfi alone and brute force: runs / time "
             "(median)\n");
  const char *Fmt = "{:<19} {:<15} {:>17} {:>17} | {:>8} {:>17} | {:<9} {:<9}\n";
  fmt::print(Fmt, "model", "bounds", "ldfi", "ldfi alone", "random", "exhaustive",
             "vs exh.", "vs random");
  unsigned Losses = 0;
  for (const RowResult &R : Results) {
    auto Cell = [](const StrategyResult &S) {
      return S.Samples.empty() ? std::string("-") : runsCell(S) + " / " + timeCell(S);
    };
    Median LR = R.LDFI.runs(), LT = R.LDFI.seconds();
    Median ER = R.Exhaustive.runs(), ET = R.Exhaustive.seconds();
    std::string VsExh = "-", VsRandom = "-";
    if (!LR.Capped && !ER.Capped && LR.Value < ER.Value)
      VsExh = LT.Value <= ET.Value ? "ok" : "LOSES";
    else if (!LR.Capped && ER.Capped && LT.Value <= ET.Value)
      VsExh = "ok";
    if (R.R->ExpectCounterexample && !R.Random.Samples.empty()) {
      Median RR = R.Random.runs();
      VsRandom = !LR.Capped && (RR.Capped || LR.Value <= RR.Value) ? "ok" : "LOSES";
    }
    Losses += (VsExh == "LOSES") + (VsRandom == "LOSES");
    fmt::print(Fmt, modelName(*R.R), boundsText(*R.R), Cell(R.LDFI), Cell(R.Alone),
               R.Random.Samples.empty() ? std::string("-") : runsCell(R.Random), Cell(R.Exhaustive),
               VsExh, VsRandom);
  }
  fmt::print("ldfi loses to brute force {} time{} (vs exh.: more time than exhaustive search "
             "where it ran fewer\nscenarios; vs random: more runs than random search's median "
             "on a counterexample row).\n",
             Losses, Losses == 1 ? "" : "s");
}

void printTable(const std::vector<RowResult> &Results, unsigned Reps, const Limits &Lim) {
  fmt::print("faultline search benchmark: runs and wall time to the first counterexample or to\n"
             "certification, median of {} search{} per strategy (random: seeds 1..{}; ldfi and\n"
             "exhaustive are deterministic, and measured once when a search hits a cap or takes\n"
             "over {:.0f} s). Caps: {} per random or exhaustive search, {} per search;\n"
             "negative support {}.\n\n",
             Reps, Reps == 1 ? "" : "es", Reps, RepeatBelowSeconds,
             Lim.MaxRuns ? fmt::format("{} runs", Lim.MaxRuns) : "no run limit",
             Lim.TimeoutSeconds > 0 ? fmt::format("{:g} s", Lim.TimeoutSeconds) : "no time limit",
             Lim.NegativeSupport ? "on (as the tool's default)" : "OFF");
  const char *RowFmt =
      "{:<19} {:<15} {:<9} {:>9} | {:<9} {:>5} {:>9} {:>3} | {:>8} {:>9} {:>3} | {:>8} {:>9} "
      "{:>3}\n";
  fmt::print("{:<19} {:<15} {:<9} {:>9} | {:<29} | {:<22} | {}\n", "", "", "", "", "ldfi",
             "random", "exhaustive");
  fmt::print(RowFmt, "model", "bounds", "expected", "space", "verdict", "runs", "time", "|F|",
             "runs", "time", "|F|", "runs", "time", "|F|");
  for (const RowResult &R : Results) {
    std::string Verdict = verdictShort(R.ldfiVerdict());
    if (R.ldfiVerdict() != R.expected())
      Verdict += "!";
    fmt::print(RowFmt, modelName(*R.R), boundsText(*R.R), verdictShort(R.expected()),
               countText(R.Space), Verdict, runsCell(R.LDFI), timeCell(R.LDFI),
               sizeCell(R.LDFI), runsCell(R.Random), timeCell(R.Random), sizeCell(R.Random),
               runsCell(R.Exhaustive), timeCell(R.Exhaustive), sizeCell(R.Exhaustive));
  }

  fmt::print("\nbounds: EOT/EFF/nodes/crashes. space: fault scenarios within the bounds.\n"
             "|F|: faults in the first counterexample (median over the searches that found one).\n"
             "runs: executions to the verdict; >N: a cap stopped the search after N runs, so the\n"
             "verdict needs more: * max runs, + timeout, # killed by the watchdog {:g} s past the\n"
             "timeout (the search did not return). =: random search stopped without a\n"
             "counterexample after 10000 draws in a row repeated scenarios it had run (it had run\n"
             "that many, all or nearly all of the space; random search never certifies).\n"
             "time: wall time of the search (median), or until the cap.\n",
             Lim.GraceSeconds);

  // The summary.
  unsigned AsExpected = 0, Certified = 0;
  double CertMax = 0;
  long double CertSpaceMax = 0;
  unsigned ExhaustiveCertified = 0;
  std::vector<double> CertRuns;
  for (const RowResult &R : Results) {
    AsExpected += R.ldfiVerdict() == R.expected();
    if (R.ldfiVerdict() != search::Verdict::Certified)
      continue;
    ++Certified;
    CertRuns.push_back(R.LDFI.runs().Value);
    CertMax = std::max(CertMax, R.LDFI.runs().Value);
    CertSpaceMax = std::max(CertSpaceMax, R.Space);
    Median E = R.Exhaustive.runs();
    ExhaustiveCertified += !E.Capped && R.Exhaustive.Samples.front().V ==
                                            search::Verdict::Certified;
  }
  fmt::print("\nldfi verdicts: {} of {} rows as expected.\n", AsExpected, Results.size());
  if (Certified) {
    std::sort(CertRuns.begin(), CertRuns.end());
    fmt::print("certified rows: {}. ldfi certified each in at most {} runs (median {}), over\n"
               "spaces of up to {} scenarios; exhaustive search certified {} of them within its\n"
               "caps.\n",
               Certified, numberText(CertMax),
               numberText((CertRuns[(CertRuns.size() - 1) / 2] + CertRuns[CertRuns.size() / 2]) / 2),
               countText(CertSpaceMax), ExhaustiveCertified);
  }
  printPhases(Results);
  printScore(Results);
  for (const RowResult &R : Results)
    for (const std::string &P : R.Problems)
      fmt::print("{} {}: {}\n", modelName(*R.R), boundsText(*R.R), P);
}

std::string jsonString(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

std::string jsonMedian(const Median &M, const char *Fmt) {
  return fmt::format(R"({{"value": {}, "capped": {}, "stop": {}}})", fmt::format(Fmt, M.Value),
                     M.Capped ? "true" : "false", jsonString(stopName(M.How)));
}

void printJSON(const std::vector<RowResult> &Results, unsigned Reps, const Limits &Lim,
               bool Ok) {
  fmt::print("{{\n  \"reps\": {},\n  \"max_runs\": {},\n  \"timeout_s\": {},\n"
             "  \"watchdog_grace_s\": {},\n  \"repeat_below_s\": {},\n"
             "  \"negative_support\": {},\n  \"ok\": {},\n  \"rows\": [\n",
             Reps, Lim.MaxRuns, Lim.TimeoutSeconds, Lim.GraceSeconds, RepeatBelowSeconds,
             Lim.NegativeSupport ? "true" : "false", Ok ? "true" : "false");
  for (size_t I = 0; I < Results.size(); ++I) {
    const RowResult &R = Results[I];
    Bounds B = boundsOf(*R.R);
    std::string Nodes;
    for (const std::string &N : B.Nodes)
      Nodes += (Nodes.empty() ? "" : ", ") + jsonString(N);
    std::string Problems;
    for (const std::string &P : R.Problems)
      Problems += (Problems.empty() ? "" : ", ") + jsonString(P);
    fmt::print("    {{\n      \"model\": {},\n      \"eot\": {},\n      \"eff\": {},\n"
               "      \"nodes\": [{}],\n      \"crashes\": {},\n      \"expected\": {},\n"
               "      \"space\": {:.0f},\n      \"ldfi_as_expected\": {},\n"
               "      \"problems\": [{}],\n",
               jsonString(R.R->Model), R.R->EOT, R.R->EFF, Nodes, R.R->Crashes,
               jsonString(report::verdictName(R.expected())), static_cast<double>(R.Space),
               R.ldfiVerdict() == R.expected() ? "true" : "false", Problems);
    auto Strats = R.strategies();
    for (size_t J = 0; J < Strats.size(); ++J) {
      const StrategyResult &S = *Strats[J];
      std::string Searches;
      for (const Sample &Smp : S.Samples) {
        Searches += fmt::format(
            "{}\n          {{{}\"verdict\": {}, \"runs\": {}, \"time_s\": {:.6f}, "
            "\"stop\": {}, \"first_cex_size\": {}, \"first_cex_run\": {}, \"eval_s\": {:.6f}, "
            "\"lineage_s\": {:.6f}, \"solver_s\": {:.6f}}}",
            Searches.empty() ? "" : ",",
            S.Strat == search::Strategy::Random ? fmt::format("\"seed\": {}, ", Smp.Seed) : "",
            jsonString(report::verdictName(Smp.V)), Smp.Runs, Smp.Seconds,
            jsonString(stopName(Smp.How)),
            Smp.V == search::Verdict::Counterexample ? std::to_string(Smp.CexSize) : "null",
            Smp.V == search::Verdict::Counterexample ? std::to_string(Smp.CexRun) : "null",
            Smp.Eval, Smp.Lineage, Smp.Solver);
      }
      auto Size = S.cexSize();
      if (S.Samples.empty()) {
        fmt::print("      {}: null{}\n", jsonString(S.Name), J + 1 < Strats.size() ? "," : "");
        continue;
      }
      fmt::print("      {}: {{\n        \"median_runs\": {},\n        \"median_time_s\": {},\n"
                 "        \"found_cex\": {},\n        \"median_first_cex_size\": {},\n"
                 "        \"searches\": [{}\n        ]\n      }}{}\n",
                 jsonString(S.Name), jsonMedian(S.runs(), "{:.1f}"),
                 jsonMedian(S.seconds(), "{:.6f}"), S.found(),
                 Size ? fmt::format("{:.1f}", *Size) : "null", Searches,
                 J + 1 < Strats.size() ? "," : "");
    }
    fmt::print("    }}{}\n", I + 1 < Results.size() ? "," : "");
  }
  fmt::print("  ]\n}}\n");
}

// ---- Command line -----------------------------------------------------------

void usage(std::FILE *To) {
  fmt::print(To,
             "usage: faultline-bench-search [--reps N] [--json] [--max-runs N] [--timeout S]\n"
             "                              [--only TEXT] [--models DIR] [--no-negative-support]\n"
             "\n"
             "Runs LDFI, random and exhaustive search on every row of the conformance\n"
             "table (test/models at Molly's bounds) and reports the median runs and time\n"
             "to the first counterexample or to certification.\n"
             "\n"
             "  --reps N       searches per row and strategy; random search uses seeds\n"
             "                 1..N (default 5)\n"
             "  --json         machine-readable output on stdout\n"
             "  --max-runs N   cap on the executions of a random or exhaustive search\n"
             "                 (default 20000; 0: no cap)\n"
             "  --timeout S    cap on the seconds of any search (default 10; 0: none); the\n"
             "                 search is killed 1 s past it if it does not stop\n"
             "  --only TEXT    only the rows whose model path contains TEXT\n"
             "  --models DIR   the models directory (default: the source tree's\n"
             "                 test/models)\n"
             "  --no-negative-support\n"
             "                 do not count what notin subgoals relied on as support (the\n"
             "                 tool's --negative-support=false; the expected verdicts assume\n"
             "                 it on)\n"
             "\n"
             "Exit status: 0 on success; 1 if ldfi's verdict differs from the expected\n"
             "one, a baseline contradicts it, a deterministic search varies or a search\n"
             "fails; 2 on bad options.\n");
}

bool parseCount(const char *Text, unsigned Min, unsigned &Out) {
  return bench::parseCount(Text, Min, 100000000, Out);
}

bool parseSeconds(const char *Text, double &Out) {
  char *End = nullptr;
  double V = std::strtod(Text, &End);
  if (!*Text || *End || !(V >= 0) || V > 1e6)
    return false;
  Out = V;
  return true;
}

struct LoadedModel {
  std::unique_ptr<ir::Program> Program;
  std::unique_ptr<eval::Evaluator> Ev;
};

} // namespace

int main(int argc, char **argv) {
  unsigned Reps = 5;
  bool JSON = false;
  Limits Lim;
  std::string Only;
  std::string ModelsDir = FAULTLINE_MODELS_DIR;

  for (int I = 1; I < argc; ++I) {
    std::string Arg = argv[I];
    auto Need = [&]() -> const char * {
      if (I + 1 >= argc) {
        fmt::print(stderr, "faultline-bench-search: {} needs a value\n", Arg);
        std::exit(2);
      }
      return argv[++I];
    };
    if (Arg == "--reps") {
      if (!parseCount(Need(), 1, Reps)) {
        fmt::print(stderr, "faultline-bench-search: --reps needs a whole number >= 1\n");
        return 2;
      }
    } else if (Arg == "--json") {
      JSON = true;
    } else if (Arg == "--max-runs") {
      if (!parseCount(Need(), 0, Lim.MaxRuns)) {
        fmt::print(stderr, "faultline-bench-search: --max-runs needs a whole number\n");
        return 2;
      }
    } else if (Arg == "--timeout") {
      if (!parseSeconds(Need(), Lim.TimeoutSeconds)) {
        fmt::print(stderr, "faultline-bench-search: --timeout needs seconds >= 0\n");
        return 2;
      }
    } else if (Arg == "--no-negative-support") {
      Lim.NegativeSupport = false;
    } else if (Arg == "--only") {
      Only = Need();
    } else if (Arg == "--models") {
      ModelsDir = Need();
    } else if (Arg == "-h" || Arg == "--help") {
      usage(stdout);
      return 0;
    } else {
      fmt::print(stderr, "faultline-bench-search: unknown option '{}'\n", Arg);
      usage(stderr);
      return 2;
    }
  }

  std::vector<const Row *> Rows;
  for (const Row &R : Table)
    if (Only.empty() || std::string(R.Model).find(Only) != std::string::npos)
      Rows.push_back(&R);
  if (Rows.empty()) {
    fmt::print(stderr, "faultline-bench-search: no model matches '{}'\n", Only);
    return 2;
  }

  // Memory the children write their results into.
  void *Mem = mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                   -1, 0);
  if (Mem == MAP_FAILED) {
    fmt::print(stderr, "faultline-bench-search: mmap: {}\n", std::strerror(errno));
    return 1;
  }
  Shared *Slot = static_cast<Shared *>(Mem);

  // Each model is read, validated, stratified and compiled once (not timed).
  ir::DiagnosticEngine Diags(llvm::errs());
  std::map<std::string, LoadedModel> Models;
  for (const Row *R : Rows) {
    if (Models.count(R->Model))
      continue;
    LoadedModel &M = Models[R->Model];
    M.Program = std::make_unique<ir::Program>();
    Diags.setProgram(M.Program.get());
    std::string Path = ModelsDir + "/" + R->Model;
    if (!ir::loadProgram({Path}, *M.Program, Diags) ||
        !ir::validateProgram(*M.Program, Diags)) {
      fmt::print(stderr, "faultline-bench-search: cannot load {}\n", Path);
      return 1;
    }
    ir::Stratification Strata = ir::stratify(*M.Program, Diags);
    if (Diags.hasErrors()) {
      fmt::print(stderr, "faultline-bench-search: cannot stratify {}\n", Path);
      return 1;
    }
    M.Ev = std::make_unique<eval::Evaluator>(*M.Program, std::move(Strata));
  }

  bool Ok = true;
  std::vector<RowResult> Results;
  // Which row is running, on stderr when it is a terminal.
  bool Progress = isatty(STDERR_FILENO);
  for (const Row *R : Rows) {
    const LoadedModel &M = Models[R->Model];
    Bounds B = boundsOf(*R);
    if (auto Problem = checkFaults(B, FaultSet())) {
      fmt::print(stderr, "faultline-bench-search: {} {}: {}\n", R->Model, boundsText(*R),
                 *Problem);
      return 1;
    }
    if (Progress)
      fmt::print(stderr, "\r\033[Kfaultline-bench-search: {}/{} {} {}", Results.size() + 1,
                 Rows.size(), modelName(*R), boundsText(*R));
    RowResult Out;
    Out.R = R;
    Out.Space = search::faultSpaceSize(B);
    bool Failed = false;
    // The repetitions alternate between the strategies, so that all three
    // see the same machine conditions.
    for (unsigned Rep = 1; Rep <= Reps && !Failed; ++Rep)
      for (StrategyResult *S : Out.strategies()) {
        bool Random = S->Strat == search::Strategy::Random;
        if (Random && R->SkipRandom)
          continue;
        if (!Random && !S->Samples.empty() &&
            (S->Samples.front().capped() || S->Samples.front().Seconds > RepeatBelowSeconds))
          continue;
        std::string What = fmt::format("{} {} {}", R->Model, boundsText(*R), S->Name);
        auto Smp = runSearch(*M.Ev, *M.Program, B, S->Strat, S->Portfolio, Random ? Rep : 1, Lim,
                             Slot, What);
        if (!Smp) {
          Failed = true;
          break;
        }
        S->Samples.push_back(*Smp);
      }
    if (Failed) {
      Ok = false;
      continue;
    }
    check(Out);
    Ok &= Out.Problems.empty();
    Results.push_back(std::move(Out));
  }
  if (Progress)
    fmt::print(stderr, "\r\033[K");

  if (JSON)
    printJSON(Results, Reps, Lim, Ok);
  else
    printTable(Results, Reps, Lim);
  munmap(Mem, sizeof(Shared));
  return Ok ? 0 : 1;
}
