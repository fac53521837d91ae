//===- faultline/sim/schedule.h - Fault schedules ---------------*- C++ -*-===//
//
// Part of the simulator (faultline/simulator.h). The faults of one run, as
// faultline's model has them: crashes (node, time), after which the node
// sends nothing, and omissions (from, to, send time), which lose every
// message on that channel sent at that time. Checked against the bounds as
// `faultline run` checks them, and drawn at random as `faultline ldfi
// --strategy random` draws them.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_SCHEDULE_H
#define FAULTLINE_SIM_SCHEDULE_H

#include "faultline/annotations.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace faultline::sim {

/// The largest EOT the simulator runs: faultline's own cap
/// (faultline::eval::MaxEOT, checked equal by a unit test), so that a
/// schedule faultline cannot have written is refused rather than run for
/// hours.
inline constexpr int MaxEOT = 10000;

struct Bounds {
  int EOT = 3;     ///< The run covers steps 1..EOT.
  int EFF = 2;     ///< Messages sent before EFF can be lost.
  int Crashes = 0; ///< How many nodes may crash.
};

struct Crash {
  NodeId Node;
  int Time = 0; ///< From this step on the node sends nothing.
  friend bool operator<(const Crash &A, const Crash &B) {
    return std::tie(A.Node, A.Time) < std::tie(B.Node, B.Time);
  }
  friend bool operator==(const Crash &A, const Crash &B) {
    return A.Node == B.Node && A.Time == B.Time;
  }
};

struct Omission {
  NodeId From, To;
  int Time = 0; ///< The send time of the lost messages.
  friend bool operator<(const Omission &A, const Omission &B) {
    return std::tie(A.From, A.To, A.Time) < std::tie(B.From, B.To, B.Time);
  }
  friend bool operator==(const Omission &A, const Omission &B) {
    return A.From == B.From && A.To == B.To && A.Time == B.Time;
  }
};

struct Faults {
  std::vector<Crash> Crashes;
  std::vector<Omission> Omissions;

  /// Sorted and without duplicates, as faultline keeps a fault set.
  void normalize() {
    std::sort(Crashes.begin(), Crashes.end());
    Crashes.erase(std::unique(Crashes.begin(), Crashes.end()), Crashes.end());
    std::sort(Omissions.begin(), Omissions.end());
    Omissions.erase(std::unique(Omissions.begin(), Omissions.end()), Omissions.end());
  }
  bool empty() const { return Crashes.empty() && Omissions.empty(); }
  std::optional<int> crashTime(const NodeId &Node) const {
    for (const Crash &C : Crashes)
      if (C.Node == Node)
        return C.Time;
    return std::nullopt;
  }
  bool omits(const NodeId &From, const NodeId &To, int Time) const {
    return std::find(Omissions.begin(), Omissions.end(), Omission{From, To, Time}) !=
           Omissions.end();
  }
  /// "crash a@2, omit a->c@1", or "no faults": faultline's wording.
  std::string describe() const {
    Faults Sorted = *this;
    Sorted.normalize();
    std::string Out;
    for (const Crash &C : Sorted.Crashes)
      Out += (Out.empty() ? "" : ", ") + ("crash " + C.Node + "@" + std::to_string(C.Time));
    for (const Omission &O : Sorted.Omissions)
      Out += (Out.empty() ? "" : ", ") +
             ("omit " + O.From + "->" + O.To + "@" + std::to_string(O.Time));
    return Out.empty() ? "no faults" : Out;
  }
};

/// What is wrong with the bounds, or with faults for them and these nodes
/// (the checks of faultline run), or nothing.
inline std::optional<std::string> checkFaults(const Bounds &B, const std::vector<NodeId> &Nodes,
                                              const Faults &F) {
  auto Num = [](int N) { return std::to_string(N); };
  if (B.EOT < 1 || B.EOT > MaxEOT)
    return "EOT must be between 1 and " + Num(MaxEOT) + " (got " + Num(B.EOT) + ")";
  if (B.EFF < 0 || B.EFF > B.EOT)
    return "EFF must be between 0 and EOT=" + Num(B.EOT) + " (got " + Num(B.EFF) + ")";
  if (B.Crashes < 0 || static_cast<size_t>(B.Crashes) > Nodes.size())
    return "the number of crashes must be between 0 and the number of nodes (got " +
           Num(B.Crashes) + ")";
  std::set<NodeId> Known(Nodes.begin(), Nodes.end()), Crashed;
  for (const Crash &C : F.Crashes) {
    if (!Known.count(C.Node))
      return "crash of '" + C.Node + "', which is not a node of the scenario";
    if (C.Time < 1 || C.Time > B.EOT)
      return "crash time " + Num(C.Time) + " of '" + C.Node + "' is outside 1..EOT=" + Num(B.EOT);
    if (!Crashed.insert(C.Node).second)
      return "node '" + C.Node + "' crashes more than once";
  }
  if (F.Crashes.size() > static_cast<size_t>(B.Crashes))
    return Num(static_cast<int>(F.Crashes.size())) + " crashes given but the bounds allow " +
           Num(B.Crashes);
  for (const Omission &O : F.Omissions) {
    if (!Known.count(O.From) || !Known.count(O.To))
      return "omission " + O.From + "->" + O.To + " names a node that is not in the scenario";
    if (O.From == O.To)
      return "omission " + O.From + "->" + O.To + ": messages to self are never lost";
    if (O.Time < 1 || O.Time >= B.EFF)
      return "omission " + O.From + "->" + O.To + "@" + Num(O.Time) +
             " is not before EFF=" + Num(B.EFF) + " (omissions need 1 <= time < EFF)";
  }
  return std::nullopt;
}

/// A small deterministic generator (splitmix64), so that a seed gives the
/// same schedules with every compiler and standard library.
class Random {
public:
  explicit Random(uint64_t Seed) : State(Seed) {}
  uint64_t next() {
    uint64_t Z = (State += 0x9E3779B97F4A7C15ull);
    Z = (Z ^ (Z >> 30)) * 0xBF58476D1CE4E5B9ull;
    Z = (Z ^ (Z >> 27)) * 0x94D049BB133111EBull;
    return Z ^ (Z >> 31);
  }
  /// Uniform in 0..N-1 (N > 0); the bias of the modulo is negligible here.
  uint64_t below(uint64_t N) { return next() % N; }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  uint64_t State;
};

/// Random faults within the bounds, drawn like faultline's random search:
/// a number of crashes, distinct nodes and times uniformly; then each
/// possible omission with a loss rate drawn uniformly for this schedule.
inline Faults randomFaults(const Bounds &B, const std::vector<NodeId> &Nodes, Random &R) {
  Faults F;
  if (B.EOT < 1)
    return F;
  std::vector<NodeId> Candidates = Nodes;
  size_t MaxCrashes = std::min(static_cast<size_t>(std::max(B.Crashes, 0)), Nodes.size());
  size_t Count = static_cast<size_t>(R.below(MaxCrashes + 1));
  for (size_t I = 0; I < Count; ++I) {
    size_t Pick = static_cast<size_t>(R.below(Candidates.size()));
    F.Crashes.push_back({Candidates[Pick], 1 + static_cast<int>(R.below(B.EOT))});
    Candidates.erase(Candidates.begin() + static_cast<long>(Pick));
  }
  double Rate = R.unit();
  for (const NodeId &From : Nodes)
    for (const NodeId &To : Nodes)
      for (int T = 1; T < B.EFF && From != To; ++T)
        if (R.unit() < Rate)
          F.Omissions.push_back({From, To, T});
  F.normalize();
  return F;
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_SCHEDULE_H
