//===- FaultSpace.h - Enumerating fault sets --------------------*- C++ -*-===//
//
// Private to the search library: the fault space of some bounds as a list of
// atomic faults (an omission, or a crash at a time), and its exhaustive
// walk. The other baseline, random sampling, is faultline/faults.h's
// randomFaults, which a replay's --random shares.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_SEARCH_FAULTSPACE_H
#define FAULTLINE_LIB_SEARCH_FAULTSPACE_H

#include "faultline/Eval/Scenario.h"

#include <optional>
#include <vector>

namespace faultline::search {

/// Whether F is one scenario of the space in its canonical form: at most
/// one crash per node, at most MaxCrashes, no omission by a node at or after
/// its crash (such a message is not sent anyway).
bool isCanonical(const Bounds &B, const FaultSet &F);

/// Every canonical fault set, smallest first: for each size k, each number
/// c <= k of crashes, each choice of c nodes and of their crash times, each
/// choice of k - c omissions among those the crashes leave possible. Only
/// canonical sets are generated, so the walk never stalls on invalid ones.
class ExhaustiveEnumerator {
public:
  explicit ExhaustiveEnumerator(const Bounds &B);
  std::optional<FaultSet> next();

private:
  /// Moves to the next state at the innermost level that can move.
  bool advance();
  bool startSize();
  bool startCrashCount();
  bool startCrashNodes();
  void startCrashTimes();
  bool startOmissions();
  FaultSet current() const;

  Bounds B;
  std::vector<Omission> AllOmissions;
  size_t Size = 0, MaxSize = 0, CrashCount = 0;
  std::vector<size_t> CrashNodes;        ///< Indices into B.Nodes.
  std::vector<int> CrashTimes;           ///< One per crashed node.
  std::vector<Omission> Allowed;   ///< Omissions the crashes allow.
  std::vector<size_t> OmissionPick;      ///< Indices into Allowed.
  bool Started = false;
  bool Done = false;
};

} // namespace faultline::search

#endif // FAULTLINE_LIB_SEARCH_FAULTSPACE_H
