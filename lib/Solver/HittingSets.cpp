//===- HittingSets.cpp - Minimal fault sets with Z3 -----------------------===//
//
// Variables:
//   omit(F,T,t)  the messages from F to T sent at t are lost (t < EFF);
//   down(N,t)    N has crashed at or before t; down(N,t) -> down(N,t+1), so
//                a crash is one time per node and later crashes are weaker;
//   goal(o)      outcome o is the one the candidate breaks.
// Constraints:
//   at most `crashes` nodes have down(N,EOT);
//   for every run r and outcome o that held in r: goal(o) -> !alive_r(o),
//   where alive is the lineage read as a formula (tuple = OR of firings,
//   firing = AND of supports, message = !omit & !down(sender, send time));
//   some goal(o) holds (guarded by an activation literal, renewed when new
//   outcomes appear).
// Enumeration: for k = 0, 1, ... ask for a model with at most k faults,
// shrink it to a minimal set (drop omissions, postpone or drop crashes while
// the formula stays satisfied), block its supersets under this generation's
// literal, and return it unless it was already run. New lineage starts a
// new generation: the old blocks no longer apply, because a superset of a
// set that was minimal may be minimal for the new question.
//
//===----------------------------------------------------------------------===//

#include "faultline/Solver/HittingSets.h"

#include <z3++.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace faultline::solver {

using lineage::LineageGraph;
using lineage::Vertex;
using lineage::VertexKind;

struct HittingSetSolver::Impl {
  explicit Impl(const eval::Bounds &B) : B(B), S(Ctx), Goals(Ctx), OutcomeAct(Ctx.bool_val(true)) {
    if (B.MaxCrashes > 0) {
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
    newGeneration();
  }

  // ---- Encoding lineage --------------------------------------------------

  z3::expr omission(const std::string &From, const std::string &To, int T) {
    auto Key = std::make_tuple(From, To, T);
    auto It = Omit.find(Key);
    if (It == Omit.end())
      It = Omit.emplace(Key, Ctx.bool_const(fmt::format("omit_{}_{}_{}", From, To, T).c_str()))
               .first;
    return It->second;
  }

  /// Whether a message can be lost at all within the bounds, and how.
  z3::expr lost(const lineage::LineageVertex &M) {
    z3::expr L = Ctx.bool_val(false);
    if (M.SendTime < B.EFF)
      L = L || omission(M.From, M.To, M.SendTime);
    auto Node = Down.find(M.From);
    if (Node != Down.end() && M.SendTime >= 1 && M.SendTime <= B.EOT)
      L = L || Node->second[M.SendTime - 1];
    return L;
  }

  /// Whether Node (any node if empty) crashes (exactly at Time, if not 0),
  /// other than as in Except: a node that crashed at c there counts only
  /// if it crashes earlier.
  z3::expr crashes(const std::string &Node, int Time, const std::vector<eval::Crash> &Except) {
    z3::expr_vector Any(Ctx);
    for (auto &[Name, Down] : this->Down) {
      if (!Node.empty() && Name != Node)
        continue;
      if (Time >= 1 && Time <= B.EOT) {
        Any.push_back(Time == 1 ? Down[0] : Down[Time - 1] && !Down[Time - 2]);
        continue;
      }
      if (Time != 0)
        continue;
      auto Already = std::find_if(Except.begin(), Except.end(),
                                  [&](const eval::Crash &C) { return C.Node == Name; });
      if (Already == Except.end())
        Any.push_back(Down.back());
      else if (Already->Time > 1)
        Any.push_back(Down[Already->Time - 2]);
    }
    return Any.empty() ? Ctx.bool_val(false) : z3::mk_or(Any);
  }

  /// alive(v) for every vertex reachable from the outcomes, children first.
  std::vector<std::optional<z3::expr>> encode(const lineage::Lineage &L) {
    const LineageGraph &G = L.Graph;
    std::vector<std::optional<z3::expr>> Alive(boost::num_vertices(G));
    // Lineage is acyclic for stratified programs; an inflationary stratum
    // can close a cycle through negative support. A vertex met again while
    // its own value is being computed counts as holding: faults cannot break
    // a support through such a cycle.
    enum State : uint8_t { Unvisited, InProgress, Done };
    std::vector<State> Seen(boost::num_vertices(G), Unvisited);
    auto Value = [&](Vertex V) { return Alive[V] ? *Alive[V] : Ctx.bool_val(true); };
    std::vector<std::pair<Vertex, bool>> Stack;
    for (Vertex O : L.Outcomes)
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
        // A firing needs all its supports; an absent tuple stays absent
        // while all its possible causes stay as they were.
        Alive[V] = Children.empty() ? Ctx.bool_val(true) : z3::mk_and(Children);
        break;
      case VertexKind::Message:
        Alive[V] = !lost(LV);
        break;
      case VertexKind::NoCrash:
        Alive[V] = !crashes(LV.From, LV.SendTime, LV.Except);
        break;
      }
    }
    return Alive;
  }

  void addLineage(const lineage::Lineage &L, const eval::FaultSet &F) {
    Returned.insert(F);
    auto Alive = encode(L);
    bool NewOutcome = false;
    for (Vertex O : L.Outcomes) {
      const std::string &Key = L.Graph[O].Key;
      auto It = GoalOf.find(Key);
      if (It == GoalOf.end()) {
        It = GoalOf.emplace(Key, Ctx.bool_const(fmt::format("goal_{}", GoalOf.size()).c_str()))
                 .first;
        Goals.push_back(It->second);
        NewOutcome = true;
      }
      S.add(z3::implies(It->second, !*Alive[O]));
    }
    if (NewOutcome) {
      OutcomeAct = Ctx.bool_const(fmt::format("some_goal_{}", ++ActCount).c_str());
      S.add(z3::implies(OutcomeAct, z3::mk_or(Goals)));
    }
    newGeneration();
  }

  // ---- Enumeration -------------------------------------------------------

  void newGeneration() {
    Generation = Ctx.bool_const(fmt::format("gen_{}", ++GenCount).c_str());
    Bound.clear();
    K = 0;
  }

  /// All fault variables that count toward a candidate's size.
  z3::expr_vector faultVariables() {
    z3::expr_vector Vars(Ctx);
    for (auto &[Key, V] : Omit)
      Vars.push_back(V);
    for (auto &[Node, Times] : Down)
      Vars.push_back(Times.back());
    return Vars;
  }

  z3::expr boundLiteral(unsigned Size) {
    auto It = Bound.find(Size);
    if (It != Bound.end())
      return It->second;
    z3::expr Lit = Ctx.bool_const(fmt::format("size_le_{}_{}", Size, GenCount).c_str());
    S.add(z3::implies(Lit, z3::atmost(faultVariables(), Size)));
    return Bound.emplace(Size, Lit).first->second;
  }

  bool check(const z3::expr_vector &Assumptions) {
    ++Stats.Checks;
    return S.check(Assumptions) == z3::sat;
  }

  eval::FaultSet faultsOf(const z3::model &M) {
    eval::FaultSet F;
    for (auto &[Key, V] : Omit)
      if (M.eval(V, true).is_true())
        F.Omissions.push_back({std::get<0>(Key), std::get<1>(Key), std::get<2>(Key)});
    for (auto &[Node, Times] : Down)
      for (int T = 1; T <= B.EOT; ++T)
        if (M.eval(Times[T - 1], true).is_true()) {
          F.Crashes.push_back({Node, T});
          break;
        }
    F.normalize();
    return F;
  }

  /// Assumptions that fix every fault variable to exactly F.
  z3::expr_vector exactly(const eval::FaultSet &F) {
    z3::expr_vector A(Ctx);
    A.push_back(OutcomeAct);
    for (auto &[Key, V] : Omit) {
      bool In = F.omits(std::get<0>(Key), std::get<1>(Key), std::get<2>(Key));
      A.push_back(In ? V : !V);
    }
    for (auto &[Node, Times] : Down) {
      std::optional<int> At = F.crashTime(Node);
      for (int T = 1; T <= B.EOT; ++T)
        A.push_back(At && *At <= T ? Times[T - 1] : !Times[T - 1]);
    }
    return A;
  }

  /// Drops omissions and postpones or drops crashes while F still breaks
  /// some outcome: the result is minimal.
  eval::FaultSet shrink(eval::FaultSet F) {
    for (size_t I = 0; I < F.Omissions.size();) {
      eval::FaultSet Smaller = F;
      Smaller.Omissions.erase(Smaller.Omissions.begin() + I);
      if (check(exactly(Smaller)))
        F = std::move(Smaller);
      else
        ++I;
    }
    for (size_t I = 0; I < F.Crashes.size();) {
      eval::FaultSet Smaller = F;
      Smaller.Crashes.erase(Smaller.Crashes.begin() + I);
      if (check(exactly(Smaller))) {
        F = std::move(Smaller);
        continue;
      }
      while (F.Crashes[I].Time < B.EOT) {
        eval::FaultSet Later = F;
        ++Later.Crashes[I].Time;
        if (!check(exactly(Later)))
          break;
        F = std::move(Later);
      }
      ++I;
    }
    return F;
  }

  /// Within this generation, nothing that contains F is minimal.
  void blockSupersets(const eval::FaultSet &F) {
    z3::expr_vector Out(Ctx);
    Out.push_back(!Generation);
    for (const eval::Omission &O : F.Omissions)
      Out.push_back(!omission(O.From, O.To, O.Time));
    for (const eval::Crash &C : F.Crashes)
      Out.push_back(!Down.at(C.Node)[C.Time - 1]);
    S.add(z3::mk_or(Out));
  }

  std::optional<eval::FaultSet> next() {
    z3::expr_vector Open(Ctx);
    Open.push_back(Generation);
    Open.push_back(OutcomeAct);
    if (Goals.empty() || !check(Open))
      return std::nullopt;
    while (true) {
      z3::expr_vector Assumptions(Ctx);
      Assumptions.push_back(Generation);
      Assumptions.push_back(OutcomeAct);
      Assumptions.push_back(boundLiteral(K));
      if (!check(Assumptions)) {
        // Nothing of size k is left; is anything left at all?
        if (!check(Open))
          return std::nullopt;
        ++K;
        continue;
      }
      eval::FaultSet F = shrink(faultsOf(S.get_model()));
      blockSupersets(F);
      if (!Returned.insert(F).second)
        continue;
      ++Stats.Candidates;
      return F;
    }
  }

  eval::Bounds B;
  z3::context Ctx;
  z3::solver S;
  std::map<std::tuple<std::string, std::string, int>, z3::expr> Omit;
  std::map<std::string, std::vector<z3::expr>> Down;
  std::map<std::string, z3::expr> GoalOf;
  z3::expr_vector Goals;
  z3::expr OutcomeAct;
  z3::expr Generation{Ctx};
  std::map<unsigned, z3::expr> Bound;
  unsigned K = 0;
  unsigned GenCount = 0;
  unsigned ActCount = 0;
  std::set<eval::FaultSet> Returned;
  SolverStats Stats;
};

HittingSetSolver::HittingSetSolver(const eval::Bounds &B) : I(std::make_unique<Impl>(B)) {}
HittingSetSolver::~HittingSetSolver() = default;

void HittingSetSolver::addLineage(const lineage::Lineage &L, const eval::FaultSet &F) {
  try {
    I->addLineage(L, F);
  } catch (const z3::exception &E) {
    throw std::runtime_error(std::string("Z3: ") + E.msg());
  }
}

std::optional<eval::FaultSet> HittingSetSolver::next() {
  try {
    return I->next();
  } catch (const z3::exception &E) {
    throw std::runtime_error(std::string("Z3: ") + E.msg());
  }
}

const SolverStats &HittingSetSolver::stats() const {
  I->Stats.Variables = static_cast<unsigned>(I->Omit.size());
  for (auto &[Node, Times] : I->Down)
    I->Stats.Variables += static_cast<unsigned>(Times.size());
  return I->Stats;
}

} // namespace faultline::solver
