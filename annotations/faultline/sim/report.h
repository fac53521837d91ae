//===- faultline/sim/report.h - A run, for people ---------------*- C++ -*-===//
//
// Part of the replay (faultline/sim/replay.h). Prints a simulated run as
// faultline prints a run of the model: the faults, the verdict, and the
// timeline of messages in the format of `faultline ldfi` and `faultline run`
// (lib/Report/RunReport.cpp), so the two read side by side.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_SIM_REPORT_H
#define FAULTLINE_SIM_REPORT_H

#include "faultline/sim/simulator.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace faultline::sim {

inline const char *fateText(Fate F) {
  switch (F) {
  case Fate::Delivered:
    return "delivered";
  case Fate::Omitted:
    return "lost (omitted)";
  case Fate::AfterEOT:
    return "in flight at EOT";
  }
  return "";
}

/// "  {:>3}": a time right-aligned in three columns after two spaces.
inline std::string timeColumn(int T) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "  %3d  ", T);
  return Buffer;
}

/// One line per message between distinct nodes, in send order, with each
/// crash (and restart) before the messages of its step, which it silences
/// (from which the node sends again):
///     1  a -> b  deliver("b", "a", "hello")  lost (omitted)
///     2  a crashes
///     4  a restarts
///     3  b timer node_election fires (armed at 1, due 2)
inline void printTimeline(std::ostream &OS, const Outcome &O) {
  std::vector<std::tuple<int, NodeId, std::string>> Events;
  for (const Crash &C : O.F.Crashes)
    Events.emplace_back(C.Time, C.Node, " crashes\n");
  for (const Restart &R : O.F.Restarts)
    Events.emplace_back(R.Time, R.Node, " restarts\n");
  // A timer's firing, as faultline run prints it: it holds when its step
  // begins, before that step's messages.
  for (const TimerArming &A : O.Timers)
    if (A.FiredAt)
      Events.emplace_back(A.FiredAt, A.Node,
                          " timer " + A.Timer + " fires (armed at " + std::to_string(A.ArmTime) +
                              ", due " + std::to_string(A.Due) + ")\n");
  std::sort(Events.begin(), Events.end());
  auto Next = Events.begin();
  auto Print = [&] {
    OS << timeColumn(std::get<0>(*Next)) << std::get<1>(*Next) << std::get<2>(*Next);
  };
  for (const SentMessage &M : O.Messages) {
    for (; Next != Events.end() && std::get<0>(*Next) <= M.SendTime; ++Next)
      Print();
    OS << timeColumn(M.SendTime) << M.From << " -> " << M.To << "  " << M.Relation << "("
       << render(M.Values) << ")  " << fateText(M.What) << "\n";
  }
  for (; Next != Events.end(); ++Next)
    Print();
}

struct ReportOptions {
  /// Also list the message each node handled at each step.
  bool Trace = false;
  /// Also print the registered state at EOT, as the model's relations.
  bool State = false;
  /// The invariants faultline said this schedule violates (from the
  /// schedule file), to confirm or not.
  std::vector<std::string> Expected;
  bool HasExpected = false;
};

inline std::string joinNames(const std::vector<std::string> &Names, const char *Quote = "") {
  std::string Out;
  for (const std::string &N : Names)
    Out += (Out.empty() ? "" : ", ") + (Quote + N + Quote);
  return Out;
}

inline void printOutcome(std::ostream &OS, const Outcome &O, const ReportOptions &Opts) {
  std::string Nodes;
  for (const NodeId &N : O.B.Nodes)
    Nodes += (Nodes.empty() ? "" : ",") + N;
  OS << "scenario '" << O.Scenario << "': EOT " << O.B.EOT << ", EFF " << O.B.EFF << ", nodes "
     << Nodes << ", crashes allowed " << O.B.MaxCrashes
     << (O.B.MaxRestarts > 0 ? ", restarts allowed " + std::to_string(O.B.MaxRestarts) : "")
     << (O.B.TimerSlack > 0 ? ", timer slack " + std::to_string(O.B.TimerSlack) : "") << "\n";
  OS << "faults: " << O.F.describe() << "\n";
  std::vector<std::string> Failed = O.violatedInvariants();
  if (Failed.empty()) {
    OS << "verdict: ok: every invariant holds for the live nodes at EOT\n";
  } else {
    OS << "verdict: VIOLATION: invariant" << (Failed.size() == 1 ? " " : "s ")
       << joinNames(Failed, "'") << (Failed.size() == 1 ? " fails" : " fail") << "\n";
    for (const Violation &V : O.Violations)
      OS << "  " << V.Invariant << "(" << joinNames(V.Nodes) << ") is false\n";
  }
  if (Opts.HasExpected) {
    std::vector<std::string> Want = Opts.Expected, Got = Failed;
    std::sort(Want.begin(), Want.end());
    std::sort(Got.begin(), Got.end());
    OS << "faultline reported: " << (Want.empty() ? "no invariant" : joinNames(Want, "'"));
    if (Want == Got)
      OS << " (confirmed by the compiled code)\n";
    else
      OS << " (NOT confirmed: the compiled code violates "
         << (Got.empty() ? "no invariant" : joinNames(Got, "'")) << ")\n";
  }
  OS << "timeline (time, event):\n";
  printTimeline(OS, O);
  if (Opts.Trace) {
    OS << "handled (time, node, message, arrival):\n";
    for (const HandledMessage &H : O.Handled)
      OS << timeColumn(H.Time) << H.Node << " handles " << H.Relation << " from " << H.From
         << (H.Fields.empty() ? "" : ": ") << render(H.Fields) << " (arrived at " << H.Arrival
         << ")\n";
  }
  if (Opts.State) {
    OS << "state at EOT " << O.B.EOT << ":\n";
    for (const StateTable &S : O.State)
      for (const Tuple &Row : S.Rows)
        OS << "  " << S.Relation << "(" << render(Row) << ")\n";
  }
}

} // namespace faultline::sim

#endif // FAULTLINE_SIM_REPORT_H
