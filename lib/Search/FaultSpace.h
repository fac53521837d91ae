//===- FaultSpace.h - Enumerating and sampling fault sets -------*- C++ -*-===//
//
// Private to the search library: the fault space of some bounds as a list of
// atomic faults (an omission, or a crash at a time), and the two baseline
// ways of walking it.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_SEARCH_FAULTSPACE_H
#define FAULTLINE_LIB_SEARCH_FAULTSPACE_H

#include "faultline/Eval/Scenario.h"

#include <optional>
#include <random>
#include <vector>

namespace faultline::search {

/// Whether F is one scenario of the space in its canonical form: at most
/// one crash per node, at most MaxCrashes, no omission by a node at or after
/// its crash (such a message is not sent anyway).
bool isCanonical(const eval::Bounds &B, const eval::FaultSet &F);

/// Every canonical fault set, smallest first: for each size k, each number
/// c <= k of crashes, each choice of c nodes and of their crash times, each
/// choice of k - c omissions among those the crashes leave possible. Only
/// canonical sets are generated, so the walk never stalls on invalid ones.
class ExhaustiveEnumerator {
public:
  explicit ExhaustiveEnumerator(const eval::Bounds &B);
  std::optional<eval::FaultSet> next();

private:
  /// Moves to the next state at the innermost level that can move.
  bool advance();
  bool startSize();
  bool startCrashCount();
  bool startCrashNodes();
  void startCrashTimes();
  bool startOmissions();
  eval::FaultSet current() const;

  eval::Bounds B;
  std::vector<eval::Omission> AllOmissions;
  size_t Size = 0, MaxSize = 0, CrashCount = 0;
  std::vector<size_t> CrashNodes;        ///< Indices into B.Nodes.
  std::vector<int> CrashTimes;           ///< One per crashed node.
  std::vector<eval::Omission> Allowed;   ///< Omissions the crashes allow.
  std::vector<size_t> OmissionPick;      ///< Indices into Allowed.
  bool Started = false;
  bool Done = false;
};

/// Random scenarios, as a random fault injector makes them: a uniform number
/// of crashes (up to the bound) at uniform nodes and times, and each possible
/// omission independently with a loss rate drawn uniformly per scenario, so
/// that both sparse and heavy loss get sampled.
class RandomSampler {
public:
  RandomSampler(const eval::Bounds &B, uint64_t Seed);
  eval::FaultSet next();

private:
  eval::Bounds B;
  std::mt19937_64 Rng;
};

} // namespace faultline::search

#endif // FAULTLINE_LIB_SEARCH_FAULTSPACE_H
