//===- faultline/faults.h - Bounds and faults of a run ----------*- C++ -*-===//
//
// The one description of what may go wrong in a run, shared by faultline's
// engine (lib/Eval and the searches above it) and by the simulator
// (faultline/simulator.h): the bounds of a scenario, the crashes and
// omissions injected into it, the check that faults fit the bounds, and the
// random sampler of `faultline ldfi --strategy random` and of a replay's
// `--random`. It needs nothing but the standard library, so a protocol's
// replay builds without LLVM.
//
// The model's semantics (docs/ir-reference.md): a node that crashes at time
// c sends nothing from c on, unless it restarts at r > c: then it sends
// nothing in c..r-1 and again from r on, with only its durable state kept;
// an omission (from, to, t) loses every message on that channel sent at t,
// and only messages sent before EFF can be lost.
// A timer armed at t with delay d is due at t+d; it fires at its due step,
// or up to TimerSlack steps later when the scenario delays it (TimerDelay).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FAULTS_H
#define FAULTLINE_FAULTS_H

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace faultline {

/// The largest EOT a run accepts. A run keeps a table per relation for
/// every time step, and the fault space grows with EOT, so a larger EOT is
/// a typo or a model that should not be time-stepped; a schedule with a
/// larger one is refused rather than run for hours.
inline constexpr int MaxEOT = 10000;

/// The bounds every run of a scenario shares. The defaults are those of a
/// scenario that does not call s.bounds and of `faultline run` without
/// --eot/--eff/--crashes.
struct Bounds {
  int EOT = 3;        ///< The run covers steps 1..EOT.
  int EFF = 2;        ///< Messages sent before EFF can be lost.
  int MaxCrashes = 0; ///< How many nodes may crash.
  std::vector<std::string> Nodes;
  int TimerSlack = 0; ///< How many steps after its due step a timer may fire.
  /// How many crashed nodes may come back (each at most once). Last, so
  /// that aggregate initialisers of the fields above keep their meaning.
  int MaxRestarts = 0;
};

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

/// A crashed node coming back: it sends again from Time on, with its
/// volatile state lost (docs/ir-reference.md, "Restarts").
struct Restart {
  std::string Node;
  int Time = 0; ///< The first step at which the node is up again.
  friend bool operator<(const Restart &A, const Restart &B) {
    return std::tie(A.Node, A.Time) < std::tie(B.Node, B.Time);
  }
  friend bool operator==(const Restart &A, const Restart &B) {
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

/// The scenario's choice of when one timer fires: the timer Timer of Node
/// that is due at step Due (armed at t with delay d: Due = t + d) fires
/// Delay steps late, at Due + Delay (after EOT: not within the run), unless
/// the protocol cancels or re-arms it first. A timer without an entry fires
/// at its due step. At most one arming of a timer is due at a step, so
/// (Node, Timer, Due) names it in every run where it happens.
struct TimerDelay {
  std::string Node, Timer;
  int Due = 0;
  int Delay = 0; ///< 1..Bounds::TimerSlack.
  int firesAt() const { return Due + Delay; }
  friend bool operator<(const TimerDelay &A, const TimerDelay &B) {
    return std::tie(A.Node, A.Timer, A.Due, A.Delay) < std::tie(B.Node, B.Timer, B.Due, B.Delay);
  }
  friend bool operator==(const TimerDelay &A, const TimerDelay &B) {
    return A.Node == B.Node && A.Timer == B.Timer && A.Due == B.Due && A.Delay == B.Delay;
  }
};

/// The faults injected into one run. Kept sorted and free of duplicates
/// (normalize()), so equal fault sets compare equal and omits() can search.
struct FaultSet {
  std::vector<Crash> Crashes;
  std::vector<Omission> Omissions;
  /// Each restarts a node of Crashes after its crash.
  std::vector<Restart> Restarts;
  std::vector<TimerDelay> TimerDelays;

  void normalize() {
    std::sort(Crashes.begin(), Crashes.end());
    Crashes.erase(std::unique(Crashes.begin(), Crashes.end()), Crashes.end());
    std::sort(Omissions.begin(), Omissions.end());
    Omissions.erase(std::unique(Omissions.begin(), Omissions.end()), Omissions.end());
    std::sort(Restarts.begin(), Restarts.end());
    Restarts.erase(std::unique(Restarts.begin(), Restarts.end()), Restarts.end());
    std::sort(TimerDelays.begin(), TimerDelays.end());
    TimerDelays.erase(std::unique(TimerDelays.begin(), TimerDelays.end()), TimerDelays.end());
  }
  size_t size() const {
    return Crashes.size() + Omissions.size() + Restarts.size() + TimerDelays.size();
  }
  bool empty() const { return size() == 0; }
  /// The crash time of Node, if it crashes.
  std::optional<int> crashTime(const std::string &Node) const {
    for (const Crash &C : Crashes)
      if (C.Node == Node)
        return C.Time;
    return std::nullopt;
  }
  /// The restart time of Node, if it comes back.
  std::optional<int> restartTime(const std::string &Node) const {
    for (const Restart &R : Restarts)
      if (R.Node == Node)
        return R.Time;
    return std::nullopt;
  }
  /// Whether Node is down at T: crashed at or before T and not back yet.
  bool down(const std::string &Node, int T) const {
    std::optional<int> C = crashTime(Node);
    std::optional<int> R = restartTime(Node);
    return C && *C <= T && (!R || T < *R);
  }
  /// Whether the messages From sends To at T are lost (on a normalized set).
  bool omits(const std::string &From, const std::string &To, int T) const {
    return std::binary_search(Omissions.begin(), Omissions.end(), Omission{From, To, T});
  }
  /// How many steps late the timer of Node due at Due fires (0: on time).
  int timerDelay(const std::string &Node, const std::string &Timer, int Due) const {
    for (const TimerDelay &D : TimerDelays)
      if (D.Due == Due && D.Node == Node && D.Timer == Timer)
        return D.Delay;
    return 0;
  }
  /// "crash b@2, restart b@4, omit a->c@1, fire b.election@5 (due 4)", or
  /// "no faults"; in normalized order.
  std::string describe() const {
    FaultSet Sorted = *this;
    Sorted.normalize();
    std::string Out;
    for (const Crash &C : Sorted.Crashes)
      Out += (Out.empty() ? "" : ", ") + ("crash " + C.Node + "@" + std::to_string(C.Time));
    for (const Restart &R : Sorted.Restarts)
      Out += (Out.empty() ? "" : ", ") + ("restart " + R.Node + "@" + std::to_string(R.Time));
    for (const Omission &O : Sorted.Omissions)
      Out += (Out.empty() ? "" : ", ") +
             ("omit " + O.From + "->" + O.To + "@" + std::to_string(O.Time));
    for (const TimerDelay &D : Sorted.TimerDelays)
      Out += (Out.empty() ? "" : ", ") + ("fire " + D.Node + "." + D.Timer + "@" +
                                          std::to_string(D.firesAt()) + " (due " +
                                          std::to_string(D.Due) + ")");
    return Out.empty() ? "no faults" : Out;
  }
  friend bool operator==(const FaultSet &A, const FaultSet &B) {
    return A.Crashes == B.Crashes && A.Omissions == B.Omissions && A.Restarts == B.Restarts &&
           A.TimerDelays == B.TimerDelays;
  }
  friend bool operator<(const FaultSet &A, const FaultSet &B) {
    return std::tie(A.Crashes, A.Omissions, A.Restarts, A.TimerDelays) <
           std::tie(B.Crashes, B.Omissions, B.Restarts, B.TimerDelays);
  }
};

/// What is wrong with the bounds (EOT in 1..MaxEOT, EFF in 0..EOT, a
/// number of crashes from 0 to the number of nodes, distinct non-empty node
/// names), or with faults for them (known nodes, crash times in 1..EOT, each
/// node crashing at most once and at most MaxCrashes crashes, restarts of
/// crashed nodes at least one step after the crash and by EOT, each node
/// restarting at most once and at most MaxRestarts restarts, omissions
/// between distinct nodes sent at 1 <= time < EFF); or nothing.
inline std::optional<std::string> checkFaults(const Bounds &B, const FaultSet &F) {
  auto Num = [](long long N) { return std::to_string(N); };
  if (B.EOT < 1 || B.EOT > MaxEOT)
    return "EOT must be between 1 and " + Num(MaxEOT) + " (got " + Num(B.EOT) + ")";
  if (B.EFF < 0 || B.EFF > B.EOT)
    return "EFF must be between 0 and EOT=" + Num(B.EOT) + " (got " + Num(B.EFF) + ")";
  if (B.MaxCrashes < 0)
    return "the number of crashes cannot be negative (got " + Num(B.MaxCrashes) + ")";
  if (B.MaxRestarts < 0)
    return "the number of restarts cannot be negative (got " + Num(B.MaxRestarts) + ")";
  if (B.TimerSlack < 0 || B.TimerSlack > B.EOT)
    return "the timer slack must be between 0 and EOT=" + Num(B.EOT) + " (got " +
           Num(B.TimerSlack) + ")";
  if (B.Nodes.empty())
    return std::string("the node list is empty");
  std::set<std::string> Known;
  for (const std::string &N : B.Nodes) {
    if (N.empty())
      return std::string("the node list contains an empty name");
    if (!Known.insert(N).second)
      return "node '" + N + "' is listed twice";
  }
  if (static_cast<size_t>(B.MaxCrashes) > B.Nodes.size())
    return "the number of crashes (" + Num(B.MaxCrashes) + ") exceeds the number of nodes (" +
           Num(static_cast<long long>(B.Nodes.size())) + ")";
  std::set<std::string> Crashed;
  for (const Crash &C : F.Crashes) {
    if (!Known.count(C.Node))
      return "crash of '" + C.Node + "', which is not a node of the scenario";
    if (C.Time < 1 || C.Time > B.EOT)
      return "crash time " + Num(C.Time) + " of '" + C.Node + "' is outside 1..EOT=" + Num(B.EOT);
    if (!Crashed.insert(C.Node).second)
      return "node '" + C.Node + "' crashes more than once";
  }
  if (F.Crashes.size() > static_cast<size_t>(B.MaxCrashes))
    return Num(static_cast<long long>(F.Crashes.size())) + " crashes given but the bounds allow " +
           Num(B.MaxCrashes);
  std::set<std::string> Restarted;
  for (const Restart &R : F.Restarts) {
    std::optional<int> C = F.crashTime(R.Node);
    if (!C)
      return "restart of '" + R.Node + "', which does not crash";
    if (R.Time < *C + 1 || R.Time > B.EOT)
      return "restart time " + Num(R.Time) + " of '" + R.Node + "' is outside " + Num(*C + 1) +
             "..EOT=" + Num(B.EOT) + " (a node restarts at least one step after its crash at " +
             Num(*C) + ")";
    if (!Restarted.insert(R.Node).second)
      return "node '" + R.Node + "' restarts more than once";
  }
  if (F.Restarts.size() > static_cast<size_t>(B.MaxRestarts))
    return Num(static_cast<long long>(F.Restarts.size())) +
           " restarts given but the bounds allow " + Num(B.MaxRestarts);
  for (const Omission &O : F.Omissions) {
    if (!Known.count(O.From) || !Known.count(O.To))
      return "omission " + O.From + "->" + O.To + " names a node that is not in the scenario";
    if (O.From == O.To)
      return "omission " + O.From + "->" + O.To + ": messages to self are never lost";
    if (O.Time < 1 || O.Time >= B.EFF)
      return "omission " + O.From + "->" + O.To + "@" + Num(O.Time) + " is not before EFF=" +
             Num(B.EFF) + " (omissions need 1 <= time < EFF)";
  }
  std::set<std::tuple<std::string, std::string, int>> Delayed;
  for (const TimerDelay &D : F.TimerDelays) {
    std::string Name = D.Node + "." + D.Timer + " (due " + Num(D.Due) + ")";
    if (!Known.count(D.Node))
      return "timer " + Name + " names a node that is not in the scenario";
    if (D.Timer.empty())
      return "a timer delay of '" + D.Node + "' names no timer";
    if (D.Due < 2 || D.Due > B.EOT)
      return "timer " + Name + ": the due step must be between 2 and EOT=" + Num(B.EOT);
    if (D.Delay < 1 || D.Delay > B.TimerSlack)
      return "timer " + Name + " is delayed by " + Num(D.Delay) +
             " steps but the timer slack allows 1.." + Num(B.TimerSlack);
    if (!Delayed.insert({D.Node, D.Timer, D.Due}).second)
      return "timer " + Name + " is delayed more than once";
  }
  return std::nullopt;
}

/// A small deterministic generator (splitmix64), so that a seed gives the
/// same fault sets with every compiler and standard library, in faultline
/// and in a replay alike.
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

/// Random faults within the bounds, as a random fault injector makes them:
/// a uniform number of crashes (up to the bound) at distinct uniform nodes
/// and uniform times, then each possible omission independently with a loss
/// rate drawn uniformly for this set, so that both sparse and heavy loss
/// get sampled. With restarts allowed, a uniform number of the crashed nodes
/// (up to the bound) restart, each at a uniform time after its crash (drawn
/// before the omissions; none are drawn without restarts, so a seed gives
/// the same sets as before restarts existed). An omission by a node while
/// it is down is dropped (it sends nothing then), so the set is in the
/// search's canonical form.
inline FaultSet randomFaults(const Bounds &B, Random &R) {
  FaultSet F;
  if (B.EOT < 1)
    return F;
  std::vector<std::string> Candidates = B.Nodes;
  size_t MaxCrashes = std::min(static_cast<size_t>(std::max(B.MaxCrashes, 0)), B.Nodes.size());
  size_t Count = static_cast<size_t>(R.below(MaxCrashes + 1));
  for (size_t I = 0; I < Count; ++I) {
    size_t Pick = static_cast<size_t>(R.below(Candidates.size()));
    F.Crashes.push_back({Candidates[Pick], 1 + static_cast<int>(R.below(B.EOT))});
    Candidates.erase(Candidates.begin() + static_cast<long>(Pick));
  }
  if (B.MaxRestarts > 0) {
    std::vector<Crash> Restartable; // crashed before EOT: there is time to come back
    for (const Crash &C : F.Crashes)
      if (C.Time < B.EOT)
        Restartable.push_back(C);
    size_t Max = std::min(static_cast<size_t>(B.MaxRestarts), Restartable.size());
    size_t Restarts = static_cast<size_t>(R.below(Max + 1));
    for (size_t I = 0; I < Restarts; ++I) {
      size_t Pick = static_cast<size_t>(R.below(Restartable.size()));
      const Crash &C = Restartable[Pick];
      F.Restarts.push_back({C.Node, C.Time + 1 + static_cast<int>(R.below(B.EOT - C.Time))});
      Restartable.erase(Restartable.begin() + static_cast<long>(Pick));
    }
  }
  double Rate = R.unit();
  for (const std::string &From : B.Nodes) {
    for (const std::string &To : B.Nodes)
      for (int T = 1; T < B.EFF && From != To; ++T)
        if (R.unit() < Rate && !F.down(From, T))
          F.Omissions.push_back({From, To, T});
  }
  F.normalize();
  return F;
}

} // namespace faultline

#endif // FAULTLINE_FAULTS_H
