//===- Lineage.cpp - Building lineage graphs from provenance --------------===//

#include "faultline/Lineage/Lineage.h"

#include "faultline/IR/Validate.h"

#include "llvm/Support/raw_ostream.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Boost's write_graphviz
// once it is inlined here; the warning is about Boost's iterator, not ours.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/graphviz.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

namespace faultline::lineage {

namespace {

class Builder {
public:
  Builder(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
          const BuildOptions &Opts, LineageGraph &G)
      : R(R), P(P), Syms(Syms), Opts(Opts), G(G) {}

  /// The vertex of a tuple and, the first time, of everything below it.
  /// Iterative, because derivation chains are as deep as the run is long.
  Vertex tuple(eval::TupleId Root) {
    std::vector<eval::TupleId> Work;
    Vertex RootV = visit(Root, Work);
    while (!Work.empty()) {
      eval::TupleId Id = Work.back();
      Work.pop_back();
      Vertex TV = TupleVertices.at(Id);
      for (eval::FiringId FId : R.Tuples[Id].Firings) {
        const eval::Firing &F = R.Firings[FId];
        Vertex FV = addFiring(FId);
        boost::add_edge(TV, FV, G);
        for (eval::TupleId Body : F.Body)
          boost::add_edge(FV, visit(Body, Work), G);
        if (F.Message)
          boost::add_edge(FV, message(*F.Message), G);
        if (Opts.NegativeSupport)
          for (const eval::AbsentTuple &A : F.Absent)
            boost::add_edge(FV, absent(A, Work), G);
      }
    }
    return RootV;
  }

private:
  /// The vertex of a tuple; the first time, its derivations are queued.
  Vertex visit(eval::TupleId Id, std::vector<eval::TupleId> &Work) {
    auto [It, New] = TupleVertices.try_emplace(Id, 0);
    if (New) {
      It->second = addTuple(Id);
      Work.push_back(Id);
    }
    return It->second;
  }

  /// A tuple a `notin` relied on being absent. Like Molly, faultline
  /// supports it with the tuples whose loss might have made it appear
  /// (causesOf), before it in time or at its time through same-time rules,
  /// so breaking any of them breaks the support. The causes of one relation
  /// at one time are one shared vertex.
  Vertex absent(const eval::AbsentTuple &A, std::vector<eval::TupleId> &Work) {
    LineageVertex V;
    V.Kind = VertexKind::Absent;
    std::string Cols;
    for (size_t I = 0; I < A.Values.size(); ++I) {
      if (I)
        Cols += ", ";
      Cols += (A.WildMask >> I) & 1 ? std::string("_") : Syms.render(A.Values[I]);
    }
    V.Label = fmt::format("notin {}({})@{}", R.RelNames[A.Rel], Cols, A.Time);
    Vertex Out = boost::add_vertex(V, G);
    if (R.RelNames[A.Rel] == ir::CrashRelation)
      boost::add_edge(Out, noCrash(A), G);
    else
      boost::add_edge(Out, causes(A.Rel, A.Time, Work), G);
    return Out;
  }

  /// The scenario's crashes are not derived: `notin crash(_, N, T)` holds
  /// unless N crashes (at T, if T is given).
  Vertex noCrash(const eval::AbsentTuple &A) {
    LineageVertex V;
    V.Kind = VertexKind::NoCrash;
    auto Column = [&](size_t I) -> std::optional<eval::Value> {
      if (I >= A.Values.size() || ((A.WildMask >> I) & 1))
        return std::nullopt;
      return A.Values[I];
    };
    if (auto Node = Column(1); Node && Node->isStr())
      V.From = Syms.text(static_cast<uint32_t>(Node->V));
    if (auto Time = Column(2); Time && Time->isInt())
      V.SendTime = static_cast<int>(Time->V);
    V.Label = fmt::format("no crash of {}{}", V.From.empty() ? "any node" : V.From,
                          V.SendTime ? fmt::format(" at {}", V.SendTime) : "");
    return boost::add_vertex(V, G);
  }

  Vertex causes(eval::RelId Rel, int Time, std::vector<eval::TupleId> &Work) {
    auto Key = std::make_pair(Rel, Time);
    if (auto It = CauseVertices.find(Key); It != CauseVertices.end())
      return It->second;
    LineageVertex V;
    V.Kind = VertexKind::Firing;
    V.Label = fmt::format("possible causes of {}@{}", R.RelNames[Rel], Time);
    Vertex Out = boost::add_vertex(V, G);
    CauseVertices.emplace(Key, Out);
    const Causes &C = causesOf(R.RelNames[Rel]);
    for (const auto &[Name, SameTime] : C.Relations)
      if (auto Q = R.relation(Name))
        for (int T = 1; T <= Time; ++T) {
          if (T == Time && !SameTime)
            continue;
          for (eval::TupleId Id : R.table(*Q, T))
            boost::add_edge(Out, visit(Id, Work), G);
        }
    if (C.CrashUpstream) {
      LineageVertex NoCrash;
      NoCrash.Kind = VertexKind::NoCrash;
      NoCrash.Except = R.Faults.Crashes;
      NoCrash.Label = R.Faults.Crashes.empty() ? "no crash of any node"
                                               : "no crash besides this run's";
      boost::add_edge(Out, boost::add_vertex(NoCrash, G), G);
    }
    return Out;
  }

  /// What might make a tuple of Rel appear if faults strike. Losing
  /// messages only removes tuples, and removing tuples removes derivations,
  /// except where a rule upstream of Rel reads a relation negatively (or
  /// aggregates it): there, a tuple that disappears can let a derivation
  /// through. So the causes are the relations negated or aggregated by
  /// rules from which Rel is derivable through positive subgoals, each with
  /// whether that holds within one time step; and a crash can add tuples
  /// wherever `crash` is read positively upstream.
  struct Causes {
    std::map<std::string, bool> Relations;
    bool CrashUpstream = false;
  };
  const Causes &causesOf(const std::string &Rel) {
    if (auto It = CausesOf.find(Rel); It != CausesOf.end())
      return It->second;
    Causes Out;
    auto Note = [&Out](const std::string &Name, bool SameTime) {
      auto [It, New] = Out.Relations.try_emplace(Name, SameTime);
      if (!New)
        It->second = It->second || SameTime;
    };
    std::vector<std::pair<std::string, bool>> Stack{{Rel, true}};
    std::set<std::pair<std::string, bool>> Seen;
    while (!Stack.empty()) {
      auto [Head, SameTime] = Stack.back();
      Stack.pop_back();
      if (!Seen.insert({Head, SameTime}).second)
        continue;
      for (const ir::Rule &Rule : P.Rules) {
        if (Rule.Head.Relation != Head)
          continue;
        for (const ir::BodyElem &E : Rule.Body) {
          const auto *Atom = std::get_if<ir::Atom>(&E);
          if (!Atom)
            continue;
          bool Same = SameTime && Rule.Time == ir::HeadTime::Now && !Atom->AtTime;
          if (Atom->Negated || Rule.hasAggregate())
            Note(Atom->Relation, Same);
          if (Atom->Negated)
            continue;
          if (Atom->Relation == ir::CrashRelation)
            Out.CrashUpstream = true;
          Stack.push_back({Atom->Relation, Same});
        }
      }
    }
    return CausesOf.emplace(Rel, std::move(Out)).first->second;
  }

  Vertex addTuple(eval::TupleId Id) {
    const eval::TupleRecord &T = R.Tuples[Id];
    LineageVertex V;
    V.Kind = VertexKind::Tuple;
    V.Tuple = Id;
    V.Given = T.Origin != eval::TupleOrigin::Derived;
    V.Key = fmt::format("{}({})", R.RelNames[T.Rel], Syms.render(T.Values));
    V.Label = fmt::format("{}@{}", V.Key, T.Time);
    return boost::add_vertex(V, G);
  }

  Vertex addFiring(eval::FiringId Id) {
    const eval::Firing &F = R.Firings[Id];
    const ir::Rule &Rule = P.Rules[F.Rule];
    LineageVertex V;
    V.Kind = VertexKind::Firing;
    V.Firing = Id;
    V.Loc = Rule.Loc;
    V.Label = fmt::format("rule {} ({}:{})@{}", Rule.Head.Relation, P.fileName(Rule.Loc),
                          Rule.Loc.Line, F.Time);
    return boost::add_vertex(V, G);
  }

  Vertex message(eval::MessageId Id) {
    if (auto It = MessageVertices.find(Id); It != MessageVertices.end())
      return It->second;
    const eval::Message &M = R.Messages[Id];
    LineageVertex V;
    V.Kind = VertexKind::Message;
    V.Message = Id;
    V.From = M.From;
    V.To = M.To;
    V.SendTime = M.SendTime;
    V.Label = fmt::format("{} -> {} @{}", M.From, M.To, M.SendTime);
    Vertex Out = boost::add_vertex(V, G);
    MessageVertices[Id] = Out;
    return Out;
  }

  const eval::Run &R;
  const ir::Program &P;
  const eval::SymbolTable &Syms;
  const BuildOptions &Opts;
  LineageGraph &G;
  std::unordered_map<eval::TupleId, Vertex> TupleVertices;
  std::unordered_map<eval::MessageId, Vertex> MessageVertices;
  std::map<std::pair<eval::RelId, int>, Vertex> CauseVertices;
  std::map<std::string, Causes> CausesOf;
};

} // namespace

/// The columns of `pre` that every rule for it requires to be a node that
/// never crashes: `notin crash(X, V, _)` where V is that head column's
/// variable and X is V or `_`.
static std::vector<size_t> liveColumnsOfPre(const ir::Program &P) {
  std::vector<size_t> Columns;
  bool First = true;
  for (const ir::Rule &Rule : P.Rules) {
    if (Rule.Head.Relation != "pre")
      continue;
    std::vector<size_t> Mine;
    for (size_t I = 0; I < Rule.Head.Args.size(); ++I) {
      const ir::Term &H = Rule.Head.Args[I];
      if (H.K != ir::Term::Kind::Variable)
        continue;
      for (const ir::BodyElem &E : Rule.Body) {
        const auto *A = std::get_if<ir::Atom>(&E);
        if (A && A->Negated && A->Relation == ir::CrashRelation && A->Args.size() == 3 &&
            A->Args[1].K == ir::Term::Kind::Variable && A->Args[1].Text == H.Text &&
            (A->Args[0].K == ir::Term::Kind::Wildcard ||
             (A->Args[0].K == ir::Term::Kind::Variable && A->Args[0].Text == H.Text)) &&
            A->Args[2].K == ir::Term::Kind::Wildcard) {
          Mine.push_back(I);
          break;
        }
      }
    }
    if (First)
      Columns = Mine;
    else
      Columns.erase(std::remove_if(Columns.begin(), Columns.end(),
                                   [&](size_t C) {
                                     return std::find(Mine.begin(), Mine.end(), C) == Mine.end();
                                   }),
                    Columns.end());
    First = false;
  }
  for (const ir::Fact &F : P.Facts)
    if (F.Head.Relation == "pre")
      return {}; // a fact for pre holds whatever crashes
  return Columns;
}

Lineage Lineage::build(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                       const BuildOptions &Opts) {
  Lineage L;
  Builder B(R, P, Syms, Opts, L.Graph);
  std::vector<size_t> Live = liveColumnsOfPre(P);
  if (auto Post = R.relation("post"))
    for (eval::TupleId Id : R.table(*Post, R.EOT)) {
      L.Outcomes.push_back(B.tuple(Id));
      std::vector<std::string> Nodes;
      for (size_t C : Live) {
        const eval::Tuple &V = R.Tuples[Id].Values;
        if (C < V.size() && V[C].isStr())
          Nodes.push_back(Syms.text(static_cast<uint32_t>(V[C].V)));
      }
      L.OutcomeLiveNodes.push_back(std::move(Nodes));
    }
  return L;
}

Lineage Lineage::of(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                    const std::vector<eval::TupleId> &Roots) {
  Lineage L;
  BuildOptions Opts;
  Builder B(R, P, Syms, Opts, L.Graph);
  for (eval::TupleId Id : Roots)
    L.Outcomes.push_back(B.tuple(Id));
  return L;
}

void Lineage::writeDot(llvm::raw_ostream &OS) const {
  auto Attributes = [this](std::ostream &Out, Vertex V) {
    const LineageVertex &LV = Graph[V];
    const char *Style = "";
    switch (LV.Kind) {
    case VertexKind::Tuple:
      Style = LV.Given ? "shape=ellipse, style=filled, fillcolor=lightgrey"
                       : "shape=ellipse";
      break;
    case VertexKind::Firing:
      Style = "shape=box, color=blue";
      break;
    case VertexKind::Message:
      Style = "shape=diamond, color=red";
      break;
    case VertexKind::Absent:
      Style = "shape=ellipse, style=dashed";
      break;
    case VertexKind::NoCrash:
      Style = "shape=octagon, color=red";
      break;
    }
    Out << "[label=" << boost::escape_dot_string(LV.Label) << ", " << Style << "]";
  };
  std::ostringstream Text;
  boost::write_graphviz(Text, Graph, Attributes);
  OS << Text.str();
}

} // namespace faultline::lineage
