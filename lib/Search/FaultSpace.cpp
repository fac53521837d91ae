//===- FaultSpace.cpp - The fault space of some bounds --------------------===//

#include "FaultSpace.h"

#include "faultline/Search/Search.h"

#include <algorithm>
#include <cmath>
#include <functional>
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
  if (F.Crashes.size() > static_cast<size_t>(B.MaxCrashes) ||
      F.Restarts.size() > static_cast<size_t>(std::max(B.MaxRestarts, 0)))
    return false;
  std::map<std::string, int> CrashAt;
  for (const Crash &C : F.Crashes)
    if (!CrashAt.emplace(C.Node, C.Time).second)
      return false;
  std::map<std::string, int> RestartAt;
  for (const Restart &R : F.Restarts) {
    auto It = CrashAt.find(R.Node);
    if (It == CrashAt.end() || R.Time <= It->second || R.Time > B.EOT ||
        !RestartAt.emplace(R.Node, R.Time).second)
      return false;
  }
  for (const Omission &O : F.Omissions)
    if (F.down(O.From, O.Time))
      return false;
  return true;
}

/// The ways one node may fail, by the omittable sends each leaves
/// (Count[k]: how many ways leave k of its send steps losable): crashing at
/// c leaves its sends before c; crashing at c and restarting at r, also
/// those from r on.
struct NodeFates {
  std::vector<long double> Down, Restarting;
};

static NodeFates nodeFates(const Bounds &B) {
  int LossSteps = std::max(0, B.EFF - 1);
  NodeFates F;
  F.Down.assign(LossSteps + 1, 0);
  F.Restarting.assign(LossSteps + 1, 0);
  for (int C = 1; C <= B.EOT; ++C) {
    int Before = std::min(LossSteps, C - 1);
    F.Down[Before] += 1;
    for (int R = C + 1; R <= B.EOT; ++R)
      F.Restarting[Before + std::max(0, LossSteps - R + 1)] += 1;
  }
  return F;
}

long double faultSpaceSize(const Bounds &B) {
  // Per node: 2^(omittable sends) if it never crashes; if it crashes at c,
  // only its sends before c can be lost (and, if it restarts at r, those
  // from r on). Nodes are independent apart from how many crash and how
  // many restart, so sum over the number j of crashing nodes and the
  // number k of them that restart.
  long double N = static_cast<long double>(B.Nodes.size());
  long double PerStep = N - 1;
  int LossSteps = std::max(0, B.EFF - 1);
  long double Alive = std::pow(2.0L, PerStep * LossSteps);
  NodeFates Fates = nodeFates(B);
  long double Crashing = 0, Restarting = 0;
  for (int K = 0; K <= LossSteps; ++K) {
    Crashing += Fates.Down[K] * std::pow(2.0L, PerStep * K);
    Restarting += Fates.Restarting[K] * std::pow(2.0L, PerStep * K);
  }
  long double Total = 0, Choose = 1;
  size_t Nodes = B.Nodes.size();
  for (int J = 0; J <= B.MaxCrashes && static_cast<size_t>(J) <= Nodes; ++J) {
    if (J > 0)
      Choose = Choose * static_cast<long double>(Nodes - J + 1) / J;
    long double Failing = 0, ChooseK = 1;
    for (int K = 0; K <= J && K <= std::max(B.MaxRestarts, 0); ++K) {
      if (K > 0)
        ChooseK = ChooseK * static_cast<long double>(J - K + 1) / K;
      Failing += ChooseK * std::pow(Crashing, static_cast<long double>(J - K)) *
                 std::pow(Restarting, static_cast<long double>(K));
    }
    Total += Choose * std::pow(Alive, static_cast<long double>(Nodes - J)) * Failing;
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
  NodeFates Fates = nodeFates(B);
  std::vector<double> Crashing, Restarting;
  for (int K = 0; K <= LossSteps; ++K) {
    if (Fates.Down[K] > 0)
      Crashing.push_back(std::log2(static_cast<double>(Fates.Down[K])) + PerStep * K);
    if (Fates.Restarting[K] > 0)
      Restarting.push_back(std::log2(static_cast<double>(Fates.Restarting[K])) + PerStep * K);
  }
  double CrashingBits = log2SumExp2(Crashing);
  double RestartingBits = log2SumExp2(Restarting);
  auto LogChoose = [](double Of, double Pick) {
    return (std::lgamma(Of + 1) - std::lgamma(Pick + 1) - std::lgamma(Of - Pick + 1)) /
           std::log(2.0);
  };
  std::vector<double> Terms;
  size_t Nodes = B.Nodes.size();
  for (int J = 0; J <= B.MaxCrashes && static_cast<size_t>(J) <= Nodes; ++J) {
    for (int K = 0; K <= J && K <= std::max(B.MaxRestarts, 0); ++K) {
      if (K > 0 && Restarting.empty())
        break;
      Terms.push_back(LogChoose(N, J) + LogChoose(J, K) + AliveBits * (N - J) +
                      (J - K ? CrashingBits * (J - K) : 0) + (K ? RestartingBits * K : 0));
    }
  }
  return log2SumExp2(Terms) * std::log10(2.0);
}

std::vector<FaultSet> restartVariants(const Bounds &B, const FaultSet &F) {
  std::vector<FaultSet> Out;
  if (B.MaxRestarts <= 0 || !F.Restarts.empty())
    return Out;
  // Depth-first over the crashes: each stays down or restarts at a time
  // after it, with at most MaxRestarts restarting.
  std::vector<Restart> Chosen;
  std::function<void(size_t)> Walk = [&](size_t I) {
    if (I == F.Crashes.size()) {
      if (Chosen.empty())
        return;
      FaultSet V = F;
      V.Restarts = Chosen;
      V.normalize();
      Out.push_back(std::move(V));
      return;
    }
    Walk(I + 1);
    if (Chosen.size() >= static_cast<size_t>(B.MaxRestarts))
      return;
    const Crash &C = F.Crashes[I];
    for (int T = C.Time + 1; T <= B.EOT; ++T) {
      Chosen.push_back({C.Node, T});
      Walk(I + 1);
      Chosen.pop_back();
    }
  };
  Walk(0);
  // Fewest restarts first, then the earliest: the closer a restart follows
  // its crash, the more of the state the node had then it loses.
  std::stable_sort(Out.begin(), Out.end(), [](const FaultSet &A, const FaultSet &B) {
    return std::make_pair(A.Restarts.size(), A.Restarts) <
           std::make_pair(B.Restarts.size(), B.Restarts);
  });
  return Out;
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
  size_t Crashes = std::min<size_t>(B.MaxCrashes, B.Nodes.size());
  MaxSize = AllOmissions.size() + Crashes +
            std::min<size_t>(static_cast<size_t>(std::max(B.MaxRestarts, 0)), Crashes);
}

FaultSet ExhaustiveEnumerator::current() const {
  FaultSet F;
  for (size_t I = 0; I < CrashNodes.size(); ++I) {
    F.Crashes.push_back({B.Nodes[CrashNodes[I]], CrashTimes[I]});
    if (RestartTimes[I])
      F.Restarts.push_back({B.Nodes[CrashNodes[I]], RestartTimes[I]});
  }
  for (size_t I : OmissionPick)
    F.Omissions.push_back(Allowed[I]);
  F.normalize();
  return F;
}

bool ExhaustiveEnumerator::startOmissions() {
  // A crashed node sends nothing from its crash on (until it restarts):
  // only its other sends can be lost.
  Allowed.clear();
  for (const Omission &O : AllOmissions) {
    bool Ok = true;
    for (size_t I = 0; I < CrashNodes.size(); ++I)
      if (B.Nodes[CrashNodes[I]] == O.From && O.Time >= CrashTimes[I] &&
          (!RestartTimes[I] || O.Time < RestartTimes[I]))
        Ok = false;
    if (Ok)
      Allowed.push_back(O);
  }
  size_t Restarts = restartCount();
  if (CrashCount + Restarts > Size)
    return false;
  size_t Want = Size - CrashCount - Restarts;
  if (Want > Allowed.size())
    return false;
  OmissionPick = firstCombination(Want);
  return true;
}

void ExhaustiveEnumerator::startCrashTimes() {
  CrashTimes.assign(CrashCount, 1);
  RestartTimes.assign(CrashCount, 0);
}

size_t ExhaustiveEnumerator::restartCount() const {
  return static_cast<size_t>(
      std::count_if(RestartTimes.begin(), RestartTimes.end(), [](int T) { return T != 0; }));
}

bool ExhaustiveEnumerator::nextRestarts() {
  // An odometer over each crashed node's fate: no restart (0), or a
  // restart at CrashTime+1..EOT; at most MaxRestarts of them restart.
  if (B.MaxRestarts <= 0)
    return false;
  do {
    size_t I = RestartTimes.size();
    while (I-- > 0) {
      int Next = RestartTimes[I] ? RestartTimes[I] + 1 : CrashTimes[I] + 1;
      if (Next <= B.EOT) {
        RestartTimes[I] = Next;
        std::fill(RestartTimes.begin() + I + 1, RestartTimes.end(), 0);
        break;
      }
    }
    if (I == static_cast<size_t>(-1)) {
      std::fill(RestartTimes.begin(), RestartTimes.end(), 0);
      return false;
    }
  } while (restartCount() > static_cast<size_t>(B.MaxRestarts));
  return true;
}

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
  // Innermost first: omissions, restarts, crash times, crashed nodes, crash
  // count, size.
  if (nextCombination(OmissionPick, Allowed.size()))
    return true;
  while (true) {
    if (nextRestarts()) {
      if (startOmissions())
        return true;
      continue;
    }
    bool Moved = false;
    for (size_t I = CrashTimes.size(); I-- > 0;) {
      if (CrashTimes[I] < B.EOT) {
        ++CrashTimes[I];
        std::fill(CrashTimes.begin() + I + 1, CrashTimes.end(), 1);
        RestartTimes.assign(CrashCount, 0);
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
