//===- FaultSpace.cpp - The fault space of some bounds --------------------===//

#include "FaultSpace.h"

#include "faultline/Search/Search.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace faultline::search {

/// Omissions are possible at send times 1..EFF-1 on every ordered pair of
/// distinct nodes.
static std::vector<Omission> allOmissions(const Bounds &B) {
  std::vector<Omission> Out;
  for (const std::string &From : B.Nodes)
    for (const std::string &To : B.Nodes)
      if (From != To)
        for (int T = 1; T < B.EFF; ++T)
          Out.push_back({From, To, T});
  return Out;
}

bool isCanonical(const Bounds &B, const FaultSet &F) {
  if (F.Crashes.size() > static_cast<size_t>(B.MaxCrashes))
    return false;
  std::map<std::string, int> CrashAt;
  for (const Crash &C : F.Crashes)
    if (!CrashAt.emplace(C.Node, C.Time).second)
      return false;
  for (const Omission &O : F.Omissions) {
    auto It = CrashAt.find(O.From);
    if (It != CrashAt.end() && O.Time >= It->second)
      return false;
  }
  return true;
}

long double faultSpaceSize(const Bounds &B) {
  // Per node: 2^(omittable sends) if it never crashes; if it crashes at c,
  // only its sends before c can be lost. Nodes are independent apart from
  // how many crash, so sum over the number j of crashing nodes.
  long double N = static_cast<long double>(B.Nodes.size());
  long double PerStep = N - 1;
  int LossSteps = std::max(0, B.EFF - 1);
  long double Alive = std::pow(2.0L, PerStep * LossSteps);
  long double Crashing = 0;
  for (int C = 1; C <= B.EOT; ++C)
    Crashing += std::pow(2.0L, PerStep * std::min(LossSteps, C - 1));
  long double Total = 0, Choose = 1;
  size_t Nodes = B.Nodes.size();
  for (int J = 0; J <= B.MaxCrashes && static_cast<size_t>(J) <= Nodes; ++J) {
    if (J > 0)
      Choose = Choose * static_cast<long double>(Nodes - J + 1) / J;
    Total += Choose * std::pow(Alive, static_cast<long double>(Nodes - J)) *
             std::pow(Crashing, static_cast<long double>(J));
  }
  return Total;
}

/// log2 of the sum of 2^X over Xs, without leaving the range of a double.
static double log2SumExp2(const std::vector<double> &Xs) {
  if (Xs.empty())
    return -INFINITY;
  double Max = *std::max_element(Xs.begin(), Xs.end());
  double Sum = 0;
  for (double X : Xs)
    Sum += std::exp2(X - Max);
  return Max + std::log2(Sum);
}

double faultSpaceLog10(const Bounds &B) {
  // faultSpaceSize's sum, term by term in log2.
  double N = static_cast<double>(B.Nodes.size());
  double PerStep = N - 1;
  int LossSteps = std::max(0, B.EFF - 1);
  double AliveBits = PerStep * LossSteps;
  std::vector<double> Crashing;
  for (int C = 1; C <= B.EOT; ++C)
    Crashing.push_back(PerStep * std::min(LossSteps, C - 1));
  double CrashingBits = log2SumExp2(Crashing);
  std::vector<double> Terms;
  size_t Nodes = B.Nodes.size();
  for (int J = 0; J <= B.MaxCrashes && static_cast<size_t>(J) <= Nodes; ++J) {
    double Choose = (std::lgamma(N + 1) - std::lgamma(J + 1.0) - std::lgamma(N - J + 1)) /
                    std::log(2.0);
    Terms.push_back(Choose + AliveBits * (N - J) + (J ? CrashingBits * J : 0));
  }
  return log2SumExp2(Terms) * std::log10(2.0);
}

/// The next k-combination of 0..N-1 in lexicographic order.
static bool nextCombination(std::vector<size_t> &Pick, size_t N) {
  size_t K = Pick.size();
  for (size_t I = K; I-- > 0;) {
    if (Pick[I] < N - (K - I)) {
      ++Pick[I];
      for (size_t J = I + 1; J < K; ++J)
        Pick[J] = Pick[J - 1] + 1;
      return true;
    }
  }
  return false;
}

static std::vector<size_t> firstCombination(size_t K) {
  std::vector<size_t> Pick(K);
  for (size_t I = 0; I < K; ++I)
    Pick[I] = I;
  return Pick;
}

ExhaustiveEnumerator::ExhaustiveEnumerator(const Bounds &Bounds)
    : B(Bounds), AllOmissions(allOmissions(Bounds)) {
  MaxSize = AllOmissions.size() + std::min<size_t>(B.MaxCrashes, B.Nodes.size());
}

FaultSet ExhaustiveEnumerator::current() const {
  FaultSet F;
  for (size_t I = 0; I < CrashNodes.size(); ++I)
    F.Crashes.push_back({B.Nodes[CrashNodes[I]], CrashTimes[I]});
  for (size_t I : OmissionPick)
    F.Omissions.push_back(Allowed[I]);
  F.normalize();
  return F;
}

bool ExhaustiveEnumerator::startOmissions() {
  // A crashed node sends nothing from its crash on: only its earlier sends
  // can be lost.
  Allowed.clear();
  for (const Omission &O : AllOmissions) {
    bool Ok = true;
    for (size_t I = 0; I < CrashNodes.size(); ++I)
      if (B.Nodes[CrashNodes[I]] == O.From && O.Time >= CrashTimes[I])
        Ok = false;
    if (Ok)
      Allowed.push_back(O);
  }
  size_t Want = Size - CrashCount;
  if (Want > Allowed.size())
    return false;
  OmissionPick = firstCombination(Want);
  return true;
}

void ExhaustiveEnumerator::startCrashTimes() { CrashTimes.assign(CrashCount, 1); }

bool ExhaustiveEnumerator::startCrashNodes() {
  if (CrashCount > B.Nodes.size())
    return false;
  CrashNodes = firstCombination(CrashCount);
  startCrashTimes();
  return true;
}

bool ExhaustiveEnumerator::startCrashCount() {
  return CrashCount <= Size && CrashCount <= static_cast<size_t>(B.MaxCrashes) &&
         startCrashNodes();
}

bool ExhaustiveEnumerator::startSize() {
  CrashCount = 0;
  return startCrashCount();
}

bool ExhaustiveEnumerator::advance() {
  // Innermost first: omissions, crash times, crashed nodes, crash count, size.
  if (nextCombination(OmissionPick, Allowed.size()))
    return true;
  while (true) {
    bool Moved = false;
    for (size_t I = CrashTimes.size(); I-- > 0;) {
      if (CrashTimes[I] < B.EOT) {
        ++CrashTimes[I];
        std::fill(CrashTimes.begin() + I + 1, CrashTimes.end(), 1);
        Moved = true;
        break;
      }
    }
    if (!Moved) {
      if (nextCombination(CrashNodes, B.Nodes.size())) {
        startCrashTimes();
      } else {
        ++CrashCount;
        while (!startCrashCount()) {
          if (++Size > MaxSize)
            return false;
          if (startSize())
            break;
        }
      }
    }
    if (startOmissions())
      return true;
  }
}

std::optional<FaultSet> ExhaustiveEnumerator::next() {
  if (Done)
    return std::nullopt;
  if (!Started) {
    Started = true;
    Size = 0;
    startSize();
    startOmissions();
    return current(); // the empty set
  }
  if (!advance()) {
    Done = true;
    return std::nullopt;
  }
  return current();
}

} // namespace faultline::search
