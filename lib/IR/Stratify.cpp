//===- Stratify.cpp - Ordering the same-time rules ------------------------===//
//
// The dependency graph has a node per relation and an edge from each body
// relation to the head relation of every same-time (HeadTime::Now) rule.
// Reads at a fixed time (`rel(...)@N`) are not same-time dependencies and
// add no edge. An edge is negative if the body predicate is under `notin`
// or the rule aggregates.
//
// Each strongly connected component that defines a relation becomes one
// stratum. Components are ordered topologically (dependencies first); among
// components that are ready at the same time, the one whose first rule comes
// first in the program goes first, so the order is deterministic.
//
// A component with a negative edge inside it cannot be stratified. It is
// marked NegationCycle if a `notin` edge is inside (the evaluator retracts
// what a later tuple blocks, as Molly's runtime does), Inflationary if only
// aggregate edges are, and gets a warning that names one cycle through the
// first such edge, written in "depends on" order: `a -> notin b -> a` reads
// "a depends negatively on b, which depends on a".
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/Validate.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace faultline::ir {

namespace {

struct DepEdge {
  unsigned From; ///< Body relation.
  unsigned To;   ///< Head relation.
  bool Negative;
  unsigned Rule;
  const Atom *BodyAtom;
};

/// How a negative edge is marked in a cycle description.
std::string edgeMark(const Program &P, const DepEdge &E) {
  if (!E.Negative)
    return "";
  if (E.BodyAtom->Negated)
    return "notin ";
  for (const Term &T : P.Rules[E.Rule].Head.Args)
    if (T.K == Term::Kind::Aggregate)
      return T.Text + " over ";
  return "";
}

} // namespace

Stratification stratify(const Program &P, DiagnosticEngine &Diags) {
  Stratification S;

  // Relations get ids in order of first appearance.
  std::map<std::string, unsigned> Ids;
  std::vector<std::string> Names;
  auto id = [&](const std::string &Name) {
    auto [It, Inserted] =
        Ids.emplace(Name, static_cast<unsigned>(Names.size()));
    if (Inserted)
      Names.push_back(Name);
    return It->second;
  };

  std::vector<DepEdge> Edges;
  std::vector<unsigned> NowRules;
  for (unsigned I = 0; I < P.Rules.size(); ++I) {
    const Rule &R = P.Rules[I];
    if (R.Time != HeadTime::Now) {
      S.TemporalRules.push_back(I);
      continue;
    }
    NowRules.push_back(I);
    unsigned Head = id(R.Head.Relation);
    bool Agg = R.hasAggregate();
    for (const BodyElem &E : R.Body) {
      const Atom *A = std::get_if<Atom>(&E);
      if (!A || A->AtTime)
        continue;
      Edges.push_back(DepEdge{id(A->Relation), Head, A->Negated || Agg, I, A});
    }
  }

  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph G(Names.size());
  for (const DepEdge &E : Edges)
    boost::add_edge(E.From, E.To, G);
  std::vector<int> Comp(Names.size(), 0);
  unsigned NumComps =
      Names.empty()
          ? 0
          : static_cast<unsigned>(boost::strong_components(
                G, boost::make_iterator_property_map(
                       Comp.begin(), boost::get(boost::vertex_index, G))));

  // The rules of each component, in program order.
  std::vector<std::vector<unsigned>> CompRules(NumComps);
  for (unsigned I : NowRules)
    CompRules[Comp[Ids.at(P.Rules[I].Head.Relation)]].push_back(I);

  // Topological order of the condensation (Kahn), ties broken by first rule.
  std::vector<std::set<unsigned>> Succ(NumComps);
  std::vector<unsigned> InDegree(NumComps, 0);
  for (const DepEdge &E : Edges) {
    unsigned A = Comp[E.From], B = Comp[E.To];
    if (A != B && Succ[A].insert(B).second)
      ++InDegree[B];
  }
  auto key = [&](unsigned C) -> long long {
    return CompRules[C].empty() ? -1 : static_cast<long long>(CompRules[C][0]);
  };
  using Item = std::pair<long long, unsigned>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> Ready;
  for (unsigned C = 0; C < NumComps; ++C)
    if (InDegree[C] == 0)
      Ready.push({key(C), C});
  std::vector<unsigned> Order;
  while (!Ready.empty()) {
    unsigned C = Ready.top().second;
    Ready.pop();
    Order.push_back(C);
    for (unsigned D : Succ[C])
      if (--InDegree[D] == 0)
        Ready.push({key(D), D});
  }

  // The first negative edge inside each component (edges are in rule
  // order), a `notin` one if there is one.
  std::vector<const DepEdge *> FirstNegative(NumComps, nullptr);
  for (const DepEdge &E : Edges) {
    const DepEdge *&First = FirstNegative[Comp[E.To]];
    if (E.Negative && Comp[E.From] == Comp[E.To] &&
        (!First || (E.BodyAtom->Negated && !First->BodyAtom->Negated)))
      First = &E;
  }

  // Out-edges by body relation, for finding the cycle.
  std::vector<std::vector<const DepEdge *>> Out(Names.size());
  for (const DepEdge &E : Edges)
    Out[E.From].push_back(&E);

  std::vector<std::pair<unsigned, std::string>> Warnings;
  for (unsigned C : Order) {
    if (CompRules[C].empty())
      continue;
    Stratum St;
    St.Rules = CompRules[C];
    for (unsigned V = 0; V < Names.size(); ++V)
      if (static_cast<unsigned>(Comp[V]) == C)
        St.Relations.push_back(Names[V]);
    std::sort(St.Relations.begin(), St.Relations.end());

    if (const DepEdge *Neg = FirstNegative[C]) {
      St.NegationCycle = Neg->BodyAtom->Negated;
      St.Inflationary = !St.NegationCycle;
      // Breadth-first search inside the component from the head relation of
      // the negative edge to its body relation: a path of "is read by" edges
      // Head -> ... -> Body, which closes the cycle with the negative edge.
      std::vector<const DepEdge *> Parent(Names.size(), nullptr);
      std::vector<bool> Seen(Names.size(), false);
      std::queue<unsigned> Q;
      Q.push(Neg->To);
      Seen[Neg->To] = true;
      while (!Q.empty() && !Seen[Neg->From]) {
        unsigned V = Q.front();
        Q.pop();
        for (const DepEdge *E : Out[V]) {
          if (static_cast<unsigned>(Comp[E->To]) != C || Seen[E->To])
            continue;
          Seen[E->To] = true;
          Parent[E->To] = E;
          Q.push(E->To);
        }
      }
      // Walk back from Body to Head along Parent: that is "depends on" order.
      std::string Cycle = Names[Neg->To] + " -> " + edgeMark(P, *Neg) +
                          Names[Neg->From];
      unsigned V = Neg->From;
      while (V != Neg->To && Parent[V]) {
        const DepEdge *E = Parent[V];
        Cycle += " -> " + edgeMark(P, *E) + Names[E->From];
        V = E->From;
      }
      Warnings.emplace_back(
          Neg->Rule, "negation cycle through same-time rules: " + Cycle +
                         (St.NegationCycle
                              ? "; evaluated as Molly's runtime does, retracting "
                                "what a later tuple blocks (see docs)"
                              : "; evaluated inflationarily (see docs)"));
      St.Cycle = std::move(Cycle);
    }
    S.Strata.push_back(std::move(St));
  }

  std::sort(Warnings.begin(), Warnings.end());
  for (const auto &[RuleIdx, Message] : Warnings)
    Diags.warning(P.Rules[RuleIdx].Loc, Message);
  return S;
}

} // namespace faultline::ir
