//===- RunReport.cpp - Text and JSON renderings of a run ------------------===//

#include "faultline/Report/RunReport.h"

#include "faultline/IR/ReservedNames.h"

#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace faultline::report {

using eval::MessageFate;
using eval::Run;
using eval::SymbolTable;

static const char *fateText(MessageFate F) {
  switch (F) {
  case MessageFate::Delivered:
    return "delivered";
  case MessageFate::Omitted:
    return "lost (omitted)";
  case MessageFate::AfterEOT:
    return "in flight at EOT";
  }
  return "";
}

static std::string tupleText(const Run &R, const SymbolTable &Syms, eval::RelId Rel,
                             const eval::Tuple &Values) {
  return fmt::format("{}({})", R.RelNames[Rel], Syms.render(Values));
}

std::string restartsAllowed(const Bounds &B) {
  return B.MaxRestarts > 0 ? fmt::format(", restarts allowed {}", B.MaxRestarts) : "";
}

std::string restartsBound(const Bounds &B) {
  return B.MaxRestarts > 0
             ? fmt::format(", {} restart{}", B.MaxRestarts, B.MaxRestarts == 1 ? "" : "s")
             : "";
}

void printTimeline(llvm::raw_ostream &OS, const Run &R, const SymbolTable &Syms) {
  // Messages are recorded in send order; a crash is shown before the
  // messages of its time step, which it silences, and so is a restart, from
  // which the node sends again; a timer firing (it holds when its step
  // begins) comes after the crashes and restarts of its step.
  std::vector<std::tuple<int, std::string, const char *>> Events;
  for (const Crash &C : R.Faults.Crashes)
    Events.emplace_back(C.Time, C.Node, "crashes");
  for (const Restart &Re : R.Faults.Restarts)
    Events.emplace_back(Re.Time, Re.Node, "restarts");
  std::sort(Events.begin(), Events.end());
  std::vector<std::tuple<int, int, size_t, std::string>> Lines;
  for (const auto &[Time, Node, What] : Events)
    Lines.emplace_back(Time, 0, Lines.size(), fmt::format("{} {}", Node, What));
  for (const eval::TimerArming &A : R.Timers)
    if (A.FiredAt)
      Lines.emplace_back(A.FiredAt, 1, Lines.size(),
                         fmt::format("{} timer {} fires (armed at {}, due {})", A.Node, A.Timer,
                                     A.ArmTime, A.Due));
  for (const eval::Message &M : R.Messages)
    if (!ir::travelsWithMessage(R.RelNames[M.Rel]))
      Lines.emplace_back(M.SendTime, 2, Lines.size(),
                         fmt::format("{} -> {}  {}  {}", M.From, M.To,
                                     tupleText(R, Syms, M.Rel, M.Values), fateText(M.Fate)));
  std::sort(Lines.begin(), Lines.end(), [](const auto &A, const auto &B) {
    return std::tie(std::get<0>(A), std::get<1>(A), std::get<2>(A)) <
           std::tie(std::get<0>(B), std::get<1>(B), std::get<2>(B));
  });
  for (const auto &[Time, Rank, Seq, Text] : Lines)
    OS << fmt::format("  {:>3}  {}\n", Time, Text);
}

static void printTable(llvm::raw_ostream &OS, const Run &R, const SymbolTable &Syms,
                       const std::string &Name, int T) {
  auto Rel = R.relation(Name);
  const auto &Rows = Rel ? R.table(*Rel, T) : R.table(0, -1);
  OS << fmt::format("{} at {} ({} tuple{}):\n", Name, T, Rows.size(), Rows.size() == 1 ? "" : "s");
  for (eval::TupleId Id : Rows)
    OS << "  " << tupleText(R, Syms, *Rel, R.Tuples[Id].Values) << "\n";
}

void printRunText(llvm::raw_ostream &OS, const Run &R, const SymbolTable &Syms,
                  const Bounds &B, const RunReportOptions &Opts) {
  std::vector<eval::TupleId> Missing = R.missingPost();
  OS << boundsText(B) << "\n";
  OS << "faults: " << R.Faults.describe() << "\n";
  if (Missing.empty()) {
    OS << "verdict: ok: every pre tuple has its post tuple\n";
  } else {
    OS << fmt::format("verdict: VIOLATION: {} pre tuple{} without post:\n", Missing.size(),
                      Missing.size() == 1 ? "" : "s");
    for (eval::TupleId Id : Missing)
      OS << "  missing post(" << Syms.render(R.Tuples[Id].Values) << ")\n";
  }
  OS << "messages (send time, from -> to, message, fate):\n";
  printTimeline(OS, R, Syms);
  printTable(OS, R, Syms, ir::PreRelation, R.EOT);
  printTable(OS, R, Syms, ir::PostRelation, R.EOT);
  for (const std::string &Name : Opts.Show) {
    if (Opts.AllTimes)
      for (int T = 1; T <= R.EOT; ++T)
        printTable(OS, R, Syms, Name, T);
    else
      printTable(OS, R, Syms, Name, R.EOT);
  }
}

std::string boundsText(const Bounds &B) {
  return fmt::format("EOT {}, EFF {}, nodes {}, crashes allowed {}{}{}", B.EOT, B.EFF,
                     fmt::join(B.Nodes, ","), B.MaxCrashes, restartsAllowed(B),
                     B.TimerSlack ? fmt::format(", timer slack {}", B.TimerSlack) : "");
}

llvm::json::Object boundsToJSON(const Bounds &B) {
  llvm::json::Array Nodes;
  for (const std::string &N : B.Nodes)
    Nodes.push_back(N);
  llvm::json::Object Out{
      {"eot", B.EOT},
      {"eff", B.EFF},
      {"crashes", B.MaxCrashes},
      {"restarts", B.MaxRestarts},
      {"nodes", std::move(Nodes)},
  };
  if (B.TimerSlack)
    Out["timer_slack"] = B.TimerSlack;
  return Out;
}

llvm::json::Object faultsToJSON(const FaultSet &F) {
  llvm::json::Array Crashes, Omissions, Restarts;
  for (const Crash &C : F.Crashes)
    Crashes.push_back(llvm::json::Object{{"node", C.Node}, {"time", C.Time}});
  for (const Omission &O : F.Omissions)
    Omissions.push_back(llvm::json::Object{{"from", O.From}, {"to", O.To}, {"time", O.Time}});
  for (const Restart &Re : F.Restarts)
    Restarts.push_back(llvm::json::Object{{"node", Re.Node}, {"time", Re.Time}});
  llvm::json::Object Out{{"crashes", std::move(Crashes)}, {"omissions", std::move(Omissions)}};
  // Only when there are some, as in a replay's schedule (faultline/schedule_json.h).
  if (!Restarts.empty())
    Out["restarts"] = std::move(Restarts);
  // Only a model with timers and slack has delays; other reports stay as they were.
  if (!F.TimerDelays.empty()) {
    llvm::json::Array Delays;
    for (const TimerDelay &D : F.TimerDelays)
      Delays.push_back(llvm::json::Object{
          {"node", D.Node}, {"timer", D.Timer}, {"due", D.Due}, {"delay", D.Delay}});
    Out["timer_delays"] = std::move(Delays);
  }
  return Out;
}

static llvm::json::Value valueJSON(eval::Value V, const SymbolTable &Syms) {
  if (V.isInt())
    return V.V;
  return Syms.text(static_cast<uint32_t>(V.V));
}

static llvm::json::Array tupleJSON(const eval::Tuple &T, const SymbolTable &Syms) {
  llvm::json::Array A;
  for (eval::Value V : T)
    A.push_back(valueJSON(V, Syms));
  return A;
}

const char *fateName(MessageFate F) {
  switch (F) {
  case MessageFate::Delivered:
    return "delivered";
  case MessageFate::Omitted:
    return "omitted";
  case MessageFate::AfterEOT:
    return "after-eot";
  }
  return "";
}

llvm::json::Array messagesToJSON(const Run &R, const SymbolTable &Syms) {
  llvm::json::Array Out;
  for (const eval::Message &M : R.Messages)
    if (!ir::travelsWithMessage(R.RelNames[M.Rel]))
      Out.push_back(llvm::json::Object{{"from", M.From},
                                       {"to", M.To},
                                       {"send_time", M.SendTime},
                                       {"relation", R.RelNames[M.Rel]},
                                       {"tuple", tupleJSON(M.Values, Syms)},
                                       {"fate", fateName(M.Fate)}});
  return Out;
}

llvm::json::Array timersToJSON(const Run &R) {
  llvm::json::Array Out;
  for (const eval::TimerArming &A : R.Timers) {
    llvm::json::Object T{{"node", A.Node}, {"timer", A.Timer}, {"armed", A.ArmTime},
                         {"due", A.Due}};
    if (A.FiredAt)
      T["fired"] = A.FiredAt;
    if (A.EndedAt)
      T["ended"] = A.EndedAt;
    Out.push_back(std::move(T));
  }
  return Out;
}

static llvm::json::Array tableJSON(const Run &R, const SymbolTable &Syms, const std::string &Name,
                                   int T) {
  llvm::json::Array Rows;
  if (auto Rel = R.relation(Name))
    for (eval::TupleId Id : R.table(*Rel, T))
      Rows.push_back(tupleJSON(R.Tuples[Id].Values, Syms));
  return Rows;
}

llvm::json::Object runToJSON(const Run &R, const SymbolTable &Syms, const Bounds &B,
                             const RunReportOptions &Opts) {
  llvm::json::Array Missing;
  for (eval::TupleId Id : R.missingPost())
    Missing.push_back(tupleJSON(R.Tuples[Id].Values, Syms));
  llvm::json::Object Tables;
  Tables[ir::PreRelation] = tableJSON(R, Syms, ir::PreRelation, R.EOT);
  Tables[ir::PostRelation] = tableJSON(R, Syms, ir::PostRelation, R.EOT);
  llvm::json::Object Shown;
  for (const std::string &Name : Opts.Show) {
    llvm::json::Object ByTime;
    for (int T = Opts.AllTimes ? 1 : R.EOT; T <= R.EOT; ++T)
      ByTime[std::to_string(T)] = tableJSON(R, Syms, Name, T);
    Shown[Name] = std::move(ByTime);
  }
  bool Violates = !Missing.empty();
  llvm::json::Object Out{
      {"bounds", boundsToJSON(B)},
      {"faults", faultsToJSON(R.Faults)},
      {"verdict", Violates ? "violation" : "ok"},
      {"missing_post", std::move(Missing)},
      {"messages", messagesToJSON(R, Syms)},
      {"tables", std::move(Tables)},
      {"show", std::move(Shown)},
  };
  // Only a model with timers has them; other reports stay as they were.
  if (!R.Timers.empty())
    Out["timers"] = timersToJSON(R);
  return Out;
}

} // namespace faultline::report
