//===- SearchProgress.cpp - A long search's progress line -----------------===//

#include "SearchProgress.h"

#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace faultline::tool {

/// check searches several scenarios at once (-j): one line at a time.
static std::mutex &outputLock() {
  static std::mutex M;
  return M;
}

SearchShape shapeOf(const Bounds &B, const search::SearchOptions &O, bool Timed) {
  SearchShape S;
  // With timer choices a fault set is run once per schedule of its timers:
  // the runs are not a share of the space search::faultSpaceSize counts.
  bool Walks = O.Strat != search::Strategy::LDFI && !(Timed && B.TimerSlack > 0);
  if (Walks)
    S.Space = search::faultSpaceSize(B);
  S.Exhaustive = O.Strat == search::Strategy::Exhaustive;
  S.MaxRuns = O.MaxRuns;
  S.TimeoutSeconds = O.TimeoutSeconds;
  return S;
}

SearchProgress::SearchProgress(ProgressMode Mode, SearchShape Shape)
    : OS(llvm::errs()), Mode(Mode), Terminal(llvm::errs().is_displayed()),
      Shape(std::move(Shape)) {}

SearchProgress::~SearchProgress() {
  if (!Drawn)
    return;
  std::lock_guard<std::mutex> Lock(outputLock());
  // A terminal's line goes away; elsewhere (--progress=always into a log)
  // the last one stays, on its own line.
  OS << (Terminal ? "\r\033[K" : "\n");
  OS.flush();
}

/// "3.2 s", "4 min 10 s", "2 h 5 min".
static std::string duration(double Seconds) {
  if (Seconds < 60)
    return fmt::format("{:.1f} s", Seconds);
  auto S = static_cast<unsigned long long>(Seconds);
  if (S < 3600)
    return fmt::format("{} min {} s", S / 60, S % 60);
  return fmt::format("{} h {} min", S / 3600, S % 3600 / 60);
}

std::string SearchProgress::line(const search::Progress &P) const {
  std::string Out = "faultline: ";
  if (!Shape.Name.empty())
    Out += Shape.Name + ": ";
  double Rate = P.Seconds > 0 ? P.Runs / P.Seconds : 0;
  Out += fmt::format("{} run{}, {}, {:.1f} runs/s", P.Runs, P.Runs == 1 ? "" : "s",
                     duration(P.Seconds), Rate);
  if (P.Counterexamples)
    Out += fmt::format(", {} counterexample{}", P.Counterexamples,
                       P.Counterexamples == 1 ? "" : "s");
  if (Shape.Space && std::isfinite(static_cast<double>(*Shape.Space)) && *Shape.Space > 0) {
    double Share = std::min(1.0, static_cast<double>(P.Runs / *Shape.Space));
    Out += fmt::format(", {:.1f}% of the fault space run", 100 * Share);
  }
  // The time left: the rest of an exhaustive walk at this rate, or sooner
  // the limit that ends the search first.
  std::optional<double> Left;
  const char *Why = "";
  auto Sooner = [&](double L, const char *Limit) {
    if (!Left || L < *Left) {
      Left = L;
      Why = Limit;
    }
  };
  if (Rate > 0 && Shape.Exhaustive && Shape.Space &&
      std::isfinite(static_cast<double>(*Shape.Space)))
    Sooner(static_cast<double>(std::max(0.0L, *Shape.Space - P.Runs) / Rate), "");
  if (Rate > 0 && Shape.MaxRuns)
    Sooner(std::max(0.0, double(Shape.MaxRuns) - P.Runs) / Rate, " (--max-runs)");
  if (Shape.TimeoutSeconds > 0)
    Sooner(std::max(0.0, Shape.TimeoutSeconds - P.Seconds), " (--timeout)");
  if (Left)
    Out += fmt::format(", ETA {}{}", duration(*Left), Why);
  return Out;
}

void SearchProgress::update(const search::Progress &P) {
  if (Mode == ProgressMode::Never || (Mode == ProgressMode::Auto && !Terminal))
    return;
  // A short search shows nothing; a long one a line at most 4 times a
  // second (the first run's line too when forced).
  if (Mode == ProgressMode::Auto && P.Seconds < 1)
    return;
  if (Last >= 0 && P.Seconds - Last < 0.25)
    return;
  Last = P.Seconds;
  std::lock_guard<std::mutex> Lock(outputLock());
  OS << (Drawn && !Terminal ? "\n" : "") << (Terminal ? "\r\033[K" : "") << line(P);
  OS.flush();
  Drawn = true;
}

} // namespace faultline::tool
