//===- faultline/Eval/Scenario.h - Failure scenarios ----------*- C++ -*-===//
//
// A failure scenario fixes the bounds of a run (EOT, EFF, the nodes, how many
// crashes are allowed) and the faults injected into it: crashes (node, time)
// and message omissions (from, to, send time).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_SCENARIO_H
#define FAULTLINE_EVAL_SCENARIO_H

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace faultline::eval {

struct Crash {
  std::string Node;
  int Time = 0; ///< From this time on the node sends nothing.
  friend bool operator<(const Crash &A, const Crash &B) {
    return std::tie(A.Node, A.Time) < std::tie(B.Node, B.Time);
  }
  friend bool operator==(const Crash &A, const Crash &B) {
    return A.Node == B.Node && A.Time == B.Time;
  }
};

struct Omission {
  std::string From, To;
  int Time = 0; ///< The send time of the lost messages.
  friend bool operator<(const Omission &A, const Omission &B) {
    return std::tie(A.From, A.To, A.Time) < std::tie(B.From, B.To, B.Time);
  }
  friend bool operator==(const Omission &A, const Omission &B) {
    return A.From == B.From && A.To == B.To && A.Time == B.Time;
  }
};

/// The largest EOT a run accepts. A run keeps a table per relation for
/// every time step, and the fault space grows with EOT, so a larger EOT is
/// a typo or a model that should not be time-stepped; the simulator's
/// replay (faultline/sim/schedule.h) enforces the same cap.
inline constexpr int MaxEOT = 10000;

/// The bounds every scenario of one search shares.
struct Bounds {
  int EOT = 3;
  int EFF = 2;
  int MaxCrashes = 0;
  std::vector<std::string> Nodes;
};

/// The faults injected into one run. Kept sorted and free of duplicates
/// (normalize()), so equal fault sets compare equal.
struct FaultSet {
  std::vector<Crash> Crashes;
  std::vector<Omission> Omissions;

  void normalize();
  size_t size() const { return Crashes.size() + Omissions.size(); }
  bool empty() const { return size() == 0; }
  /// The crash time of Node, if it crashes.
  std::optional<int> crashTime(const std::string &Node) const;
  bool omits(const std::string &From, const std::string &To, int T) const;
  /// "crash b@2, omit a->c@1", or "no faults".
  std::string describe() const;
  friend bool operator==(const FaultSet &A, const FaultSet &B) {
    return A.Crashes == B.Crashes && A.Omissions == B.Omissions;
  }
  friend bool operator<(const FaultSet &A, const FaultSet &B) {
    return std::tie(A.Crashes, A.Omissions) < std::tie(B.Crashes, B.Omissions);
  }
};

/// Checks the bounds (EOT in 1..MaxEOT, EFF in 0..EOT, ...) and that Faults
/// fit them: known nodes, times in 1..EOT, omissions sent before EFF and between distinct nodes, each node
/// crashing at most once, at most MaxCrashes crashes. Returns a message
/// saying what is wrong, or nothing.
std::optional<std::string> checkScenario(const Bounds &B, const FaultSet &Faults);

/// Parses "FROM,TO,T" and "NODE,T" as given on the command line.
std::optional<Omission> parseOmission(const std::string &Text);
std::optional<Crash> parseCrash(const std::string &Text);

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_SCENARIO_H
