//===- FaultFormula.cpp - Fault variables and lineage as formulas ---------===//

#include "FaultFormula.h"

#include <fmt/format.h>

#include <algorithm>

namespace faultline::solver {

using lineage::LineageGraph;
using lineage::Vertex;
using lineage::VertexKind;

FaultFormula::FaultFormula(z3::context &Ctx, z3::solver &S, const Bounds &B)
    : Ctx(Ctx), B(B), S(S) {
  if (B.MaxCrashes <= 0)
    return;
  z3::expr_vector Crashed(Ctx);
  for (const std::string &N : B.Nodes) {
    std::vector<z3::expr> &Times = Down[N];
    for (int T = 1; T <= B.EOT; ++T) {
      Times.push_back(Ctx.bool_const(fmt::format("down_{}_{}", N, T).c_str()));
      if (T > 1)
        S.add(z3::implies(Times[T - 2], Times[T - 1]));
    }
    Crashed.push_back(Times.back());
  }
  S.add(z3::atmost(Crashed, static_cast<unsigned>(B.MaxCrashes)));
}

z3::expr FaultFormula::omission(const std::string &From, const std::string &To, int T) {
  auto Key = std::make_tuple(From, To, T);
  auto It = Omit.find(Key);
  if (It == Omit.end())
    It = Omit.emplace(Key, Ctx.bool_const(fmt::format("omit_{}_{}_{}", From, To, T).c_str()))
             .first;
  return It->second;
}

z3::expr FaultFormula::late(const std::string &Node, const std::string &Timer, int Due, int K) {
  int Max = maxDelay(Due);
  if (K < 1 || K > Max)
    return Ctx.bool_val(K < 1);
  auto [It, New] = Late.try_emplace(std::make_tuple(Node, Timer, Due));
  if (New)
    for (int I = 1; I <= Max; ++I) {
      It->second.push_back(
          Ctx.bool_const(fmt::format("late_{}_{}_{}_{}", Node, Timer, Due, I).c_str()));
      if (I > 1)
        S.add(z3::implies(It->second[I - 1], It->second[I - 2]));
    }
  return It->second[K - 1];
}

z3::expr FaultFormula::firesAt(const std::string &Node, const std::string &Timer, int Due,
                               int At) {
  int K = At - Due;
  return late(Node, Timer, Due, K) && !late(Node, Timer, Due, K + 1);
}

z3::expr FaultFormula::crashesEver(const std::string &Node) {
  auto It = Down.find(Node);
  return It == Down.end() ? Ctx.bool_val(false) : It->second.back();
}

z3::expr FaultFormula::crashesAt(const std::string &Node, int T) {
  auto It = Down.find(Node);
  if (It == Down.end() || T < 1 || T > B.EOT)
    return Ctx.bool_val(false);
  const std::vector<z3::expr> &D = It->second;
  return T == 1 ? D[0] : D[T - 1] && !D[T - 2];
}

z3::expr FaultFormula::includes(const FaultSet &F) {
  z3::expr_vector All(Ctx);
  for (const Omission &O : F.Omissions)
    All.push_back(omission(O.From, O.To, O.Time));
  for (const Crash &C : F.Crashes)
    All.push_back(crashesAt(C.Node, C.Time));
  for (const TimerDelay &D : F.TimerDelays)
    All.push_back(firesAt(D.Node, D.Timer, D.Due, D.firesAt()));
  return All.empty() ? Ctx.bool_val(true) : z3::mk_and(All);
}

z3::expr_vector FaultFormula::exactly(const FaultSet &F) {
  z3::expr_vector A(Ctx);
  for (auto &[Key, V] : Omit)
    A.push_back(F.omits(std::get<0>(Key), std::get<1>(Key), std::get<2>(Key)) ? V : !V);
  for (auto &[Node, Times] : Down) {
    std::optional<int> At = F.crashTime(Node);
    for (int T = 1; T <= B.EOT; ++T)
      A.push_back(At && *At <= T ? Times[T - 1] : !Times[T - 1]);
  }
  for (auto &[Key, Ks] : Late) {
    int Delay = F.timerDelay(std::get<0>(Key), std::get<1>(Key), std::get<2>(Key));
    for (size_t K = 1; K <= Ks.size(); ++K)
      A.push_back(static_cast<int>(K) <= Delay ? Ks[K - 1] : !Ks[K - 1]);
  }
  return A;
}

z3::expr_vector FaultFormula::counted() {
  z3::expr_vector Vars(Ctx);
  for (auto &[Key, V] : Omit)
    Vars.push_back(V);
  for (auto &[Node, Times] : Down)
    Vars.push_back(Times.back());
  for (auto &[Key, Ks] : Late)
    Vars.push_back(Ks.front());
  return Vars;
}

FaultSet FaultFormula::read(const z3::model &M) {
  FaultSet F;
  for (auto &[Key, V] : Omit)
    if (M.eval(V, true).is_true())
      F.Omissions.push_back({std::get<0>(Key), std::get<1>(Key), std::get<2>(Key)});
  for (auto &[Node, Times] : Down)
    for (int T = 1; T <= B.EOT; ++T)
      if (M.eval(Times[T - 1], true).is_true()) {
        F.Crashes.push_back({Node, T});
        break;
      }
  for (auto &[Key, Ks] : Late) {
    int Delay = 0;
    while (Delay < static_cast<int>(Ks.size()) && M.eval(Ks[Delay], true).is_true())
      ++Delay;
    if (Delay)
      F.TimerDelays.push_back({std::get<0>(Key), std::get<1>(Key), std::get<2>(Key), Delay});
  }
  F.normalize();
  return F;
}

z3::expr FaultFormula::notSupersetOf(const FaultSet &F) {
  // Within what is known, an earlier crash of the same node cuts at least
  // what a later one cuts, so it counts as a superset too.
  z3::expr_vector Out(Ctx);
  for (const Omission &O : F.Omissions)
    Out.push_back(!omission(O.From, O.To, O.Time));
  for (const Crash &C : F.Crashes)
    Out.push_back(!Down.at(C.Node)[C.Time - 1]);
  // A longer delay of the same timer moves its firing further: a superset.
  for (const TimerDelay &D : F.TimerDelays)
    Out.push_back(!late(D.Node, D.Timer, D.Due, D.Delay));
  return Out.empty() ? Ctx.bool_val(false) : z3::mk_or(Out);
}

unsigned FaultFormula::size() const {
  unsigned N = static_cast<unsigned>(Omit.size());
  for (auto &[Node, Times] : Down)
    N += static_cast<unsigned>(Times.size());
  for (auto &[Key, Ks] : Late)
    N += static_cast<unsigned>(Ks.size());
  return N;
}

z3::expr FaultFormula::lost(const lineage::LineageVertex &M) {
  z3::expr L = Ctx.bool_val(false);
  if (M.SendTime < B.EFF)
    assign(L, L || omission(M.From, M.To, M.SendTime));
  auto Node = Down.find(M.From);
  if (Node != Down.end() && M.SendTime >= 1 && M.SendTime <= B.EOT)
    assign(L, L || Node->second[M.SendTime - 1]);
  return L;
}

z3::expr FaultFormula::crashes(const std::string &Node, int Time,
                               const std::vector<Crash> &Except) {
  // Node empty: any node; Time 0: at any time. A node that crashed at c in
  // Except counts only if it crashes earlier.
  z3::expr_vector Any(Ctx);
  for (auto &[Name, Times] : Down) {
    if (!Node.empty() && Name != Node)
      continue;
    if (Time != 0) {
      Any.push_back(crashesAt(Name, Time));
      continue;
    }
    const std::string &Named = Name; // (lambdas cannot capture bindings in C++17)
    auto Already = std::find_if(Except.begin(), Except.end(),
                                [&](const Crash &C) { return C.Node == Named; });
    if (Already == Except.end())
      Any.push_back(Times.back());
    else if (Already->Time > 1)
      Any.push_back(Times[Already->Time - 2]);
  }
  return Any.empty() ? Ctx.bool_val(false) : z3::mk_or(Any);
}

std::vector<z3::expr> FaultFormula::outcomes(const lineage::Lineage &L) {
  return alive(L, L.Outcomes);
}

std::vector<z3::expr> FaultFormula::preGoals(const lineage::Lineage &L) {
  std::vector<Vertex> Roots;
  for (const lineage::PreGoal &Goal : L.PreGoals) {
    Roots.push_back(Goal.Absent);
    if (Goal.Post)
      Roots.push_back(*Goal.Post);
  }
  std::vector<z3::expr> Alive = alive(L, Roots);
  std::vector<z3::expr> Out;
  size_t At = 0;
  for (const lineage::PreGoal &Goal : L.PreGoals) {
    z3::expr Appears = !Alive[At++];
    Out.push_back(Goal.Post ? Appears && !Alive[At++] : Appears);
  }
  return Out;
}

std::vector<z3::expr> FaultFormula::alive(const lineage::Lineage &L,
                                          const std::vector<Vertex> &Roots) {
  const LineageGraph &G = L.Graph;
  std::vector<std::optional<z3::expr>> Alive(boost::num_vertices(G));
  // Lineage is acyclic for stratified programs; an inflationary stratum can
  // close a cycle through negative support. A vertex met again while its
  // own value is being computed counts as holding: faults cannot break a
  // support through such a cycle.
  enum State : uint8_t { Unvisited, InProgress, Done };
  std::vector<State> Seen(boost::num_vertices(G), Unvisited);
  auto Value = [&](Vertex V) { return Alive[V] ? *Alive[V] : Ctx.bool_val(true); };
  std::vector<std::pair<Vertex, bool>> Stack;
  for (Vertex O : Roots)
    Stack.push_back({O, false});
  while (!Stack.empty()) {
    auto [V, ChildrenDone] = Stack.back();
    Stack.pop_back();
    if (!ChildrenDone) {
      if (Seen[V] != Unvisited)
        continue;
      Seen[V] = InProgress;
      Stack.push_back({V, true});
      for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
        if (Seen[boost::target(*E, G)] == Unvisited)
          Stack.push_back({boost::target(*E, G), false});
      continue;
    }
    Seen[V] = Done;
    const lineage::LineageVertex &LV = G[V];
    z3::expr_vector Children(Ctx);
    for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
      Children.push_back(Value(boost::target(*E, G)));
    switch (LV.Kind) {
    case VertexKind::Tuple:
      // A given tuple holds in every run; a derived one if a firing does.
      if (LV.Given)
        Alive[V] = Ctx.bool_val(true);
      else
        Alive[V] = Children.empty() ? Ctx.bool_val(false) : z3::mk_or(Children);
      break;
    case VertexKind::Firing:
    case VertexKind::Absent:
      // A firing needs all its supports; an absent tuple stays absent while
      // all its possible causes stay as they were.
      Alive[V] = Children.empty() ? Ctx.bool_val(true) : z3::mk_and(Children);
      // A carry-over of volatile state into t+1 is lost if its node
      // restarts at t+1, which a crash at or before t allows. Read as "a
      // crash by t cuts it", so that the solver proposes that crash; the
      // search then tries its restart times (docs/design.md, "Restarts").
      if (LV.Kind == VertexKind::Firing && B.MaxRestarts > 0 && !LV.From.empty())
        if (auto Node = Down.find(LV.From);
            Node != Down.end() && LV.SendTime >= 1 && LV.SendTime <= B.EOT)
          assign(*Alive[V], *Alive[V] && !Node->second[LV.SendTime - 1]);
      break;
    case VertexKind::Either:
      Alive[V] = Children.empty() ? Ctx.bool_val(false) : z3::mk_or(Children);
      break;
    case VertexKind::Message:
      Alive[V] = !lost(LV);
      break;
    case VertexKind::NoCrash:
      Alive[V] = !crashes(LV.From, LV.SendTime, LV.Except);
      break;
    case VertexKind::Timer:
      // Fired at SendTime: gone if the timer fires any later.
      Alive[V] = !late(LV.From, LV.Timer, LV.Due, LV.SendTime - LV.Due + 1);
      break;
    case VertexKind::NoTimer:
      Alive[V] = !firesAt(LV.From, LV.Timer, LV.Due, LV.SendTime);
      break;
    }
  }
  std::vector<z3::expr> Out;
  for (Vertex O : Roots)
    Out.push_back(Value(O));
  return Out;
}

} // namespace faultline::solver
