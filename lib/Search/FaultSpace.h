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
/// one crash per node, at most MaxCrashes, restarts only of crashed nodes
/// after their crash (at most MaxRestarts, one per node), no omission by a
/// node while it is down (such a message is not sent anyway).
bool isCanonical(const Bounds &B, const FaultSet &F);

/// F with restarts added: each way of restarting some of its crashed nodes
/// (at least one, at most MaxRestarts) at times after their crashes, fewest
/// restarts first. Empty without restarts in the bounds or when F has
/// restarts already. The LDFI search runs them after F: its solver chooses
/// crashes, and a restart only brings a crashed node back.
std::vector<FaultSet> restartVariants(const Bounds &B, const FaultSet &F);

/// Every canonical fault set, smallest first: for each size k, each number
/// c <= k of crashes, each choice of c nodes and of their crash times, each
/// choice of which of them restart when (restarts count toward k), each
/// choice of the remaining omissions among those the crashes leave
/// possible. Only
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
  bool nextRestarts();
  size_t restartCount() const;
  bool startOmissions();
  FaultSet current() const;

  Bounds B;
  std::vector<Omission> AllOmissions;
  size_t Size = 0, MaxSize = 0, CrashCount = 0;
  std::vector<size_t> CrashNodes;        ///< Indices into B.Nodes.
  std::vector<int> CrashTimes;           ///< One per crashed node.
  std::vector<int> RestartTimes;         ///< One per crashed node; 0: none.
  std::vector<Omission> Allowed;   ///< Omissions the crashes allow.
  std::vector<size_t> OmissionPick;      ///< Indices into Allowed.
  bool Started = false;
  bool Done = false;
};

} // namespace faultline::search

#endif // FAULTLINE_LIB_SEARCH_FAULTSPACE_H
