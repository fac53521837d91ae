//===- Story.cpp - The steps a run's faults make --------------------------===//

#include "faultline/Report/Story.h"

#include "faultline/IR/ReservedNames.h"

#include <fmt/format.h>

#include <algorithm>

namespace faultline::report {

std::string storyText(const eval::SymbolTable &Syms, eval::Value V) {
  return V.isInt() ? std::to_string(V.V) : Syms.text(static_cast<uint32_t>(V.V));
}

std::string roleAt(const eval::Run &R, const eval::SymbolTable &Syms, const std::string &Node,
                   int T) {
  if (auto Roles = R.relation(ir::RoleRelation))
    for (eval::TupleId Id : R.table(*Roles, std::max(T, 1)))
      if (storyText(Syms, R.Tuples[Id].Values[0]) == Node)
        return storyText(Syms, R.Tuples[Id].Values[1]);
  return "";
}

Location locationOf(const ir::Program &P, ir::SourceLoc Loc) {
  Location Out;
  if (Loc.isValid() && Loc.FileID < P.Files.size()) {
    Out.File = P.Files[Loc.FileID];
    Out.Line = Loc.Line;
    Out.Column = Loc.Col;
  }
  return Out;
}

std::vector<LocatedStep> faultSteps(const eval::Run &R, const ir::Program &P,
                                    const eval::SymbolTable &Syms, ir::SourceLoc CrashLoc) {
  std::vector<LocatedStep> Steps;
  for (const Crash &C : R.Faults.Crashes) {
    LocatedStep St{{}, CrashLoc};
    St.Step.K = StoryStep::Kind::Crash;
    St.Step.Time = C.Time;
    St.Step.Node = C.Node;
    St.Step.Role = roleAt(R, Syms, C.Node, C.Time);
    St.Step.Text = fmt::format("at time {}, node {} crashes", C.Time, C.Node);
    Steps.push_back(std::move(St));
  }
  for (const Restart &Re : R.Faults.Restarts) {
    LocatedStep St{{}, CrashLoc};
    St.Step.K = StoryStep::Kind::Restart;
    St.Step.Time = Re.Time;
    St.Step.Node = Re.Node;
    St.Step.Role = roleAt(R, Syms, Re.Node, Re.Time);
    St.Step.Text = fmt::format("at time {}, node {} restarts, with only its durable state",
                               Re.Time, Re.Node);
    Steps.push_back(std::move(St));
  }
  // A timer that fires later than its deadline, at its arm (the code that
  // set the deadline the firing missed).
  for (const eval::TimerArming &A : R.Timers)
    if (A.Delay > 0 && A.FiredAt) {
      const std::vector<eval::FiringId> &Armed = R.Tuples[A.ArmTuple].Firings;
      const eval::Firing *Arm = Armed.empty() ? nullptr : &R.Firings[Armed.front()];
      LocatedStep St{{}, Arm ? P.Rules[Arm->Rule].Loc : CrashLoc};
      St.Step.K = StoryStep::Kind::LateTimer;
      St.Step.Time = A.FiredAt;
      St.Step.Node = A.Node;
      St.Step.Role = roleAt(R, Syms, A.Node, A.FiredAt);
      St.Step.Message = A.Timer;
      St.Step.Text = fmt::format("at time {}, timer {} of node {} fires {} step{} late (armed at "
                                 "{}, due {})",
                                 A.FiredAt, A.Timer, A.Node, A.Delay, A.Delay == 1 ? "" : "s",
                                 A.ArmTime, A.Due);
      Steps.push_back(std::move(St));
    }
  for (const eval::Message &M : R.Messages)
    if (M.Fate == eval::MessageFate::Omitted && !ir::travelsWithMessage(R.RelNames[M.Rel])) {
      LocatedStep St{{}, P.Rules[M.Rule].Loc};
      St.Step.K = StoryStep::Kind::LostMessage;
      St.Step.Time = M.SendTime;
      St.Step.Node = M.From;
      St.Step.Role = roleAt(R, Syms, M.From, M.SendTime);
      St.Step.Message = R.RelNames[M.Rel];
      St.Step.Peer = M.To;
      St.Step.PeerRole = roleAt(R, Syms, M.To, M.SendTime);
      St.Step.Text = fmt::format("at time {}, the '{}' message {} -> {} sent here is lost",
                                 M.SendTime, St.Step.Message, M.From, M.To);
      Steps.push_back(std::move(St));
    }
  std::stable_sort(Steps.begin(), Steps.end(), [](const LocatedStep &A, const LocatedStep &B) {
    return A.Step.Time < B.Step.Time;
  });
  return Steps;
}

} // namespace faultline::report
