//===- Lineage.cpp - Building lineage graphs from provenance --------------===//

#include "faultline/Lineage/Lineage.h"

#include "llvm/Support/raw_ostream.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Boost's write_graphviz
// once it is inlined here; the warning is about Boost's iterator, not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/graphviz.hpp>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <sstream>

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
    if (auto It = TupleVertices.find(Root); It != TupleVertices.end())
      return It->second;
    Vertex RootV = addTuple(Root);
    std::vector<eval::TupleId> Work{Root};
    while (!Work.empty()) {
      eval::TupleId Id = Work.back();
      Work.pop_back();
      Vertex TV = TupleVertices.at(Id);
      for (eval::FiringId FId : R.Tuples[Id].Firings) {
        const eval::Firing &F = R.Firings[FId];
        Vertex FV = addFiring(FId);
        boost::add_edge(TV, FV, G);
        for (eval::TupleId Body : F.Body) {
          auto [It, New] = TupleVertices.try_emplace(Body, 0);
          if (New) {
            It->second = addTuple(Body);
            Work.push_back(Body);
          }
          boost::add_edge(FV, It->second, G);
        }
        if (F.Message)
          boost::add_edge(FV, message(*F.Message), G);
        if (Opts.NegativeSupport)
          for (const eval::AbsentTuple &A : F.Absent) {
            LineageVertex V;
            V.Kind = VertexKind::Absent;
            V.Label = fmt::format("notin {}({})@{}", R.RelNames[A.Rel], Syms.render(A.Values),
                                  A.Time);
            boost::add_edge(FV, boost::add_vertex(V, G), G);
          }
      }
    }
    return RootV;
  }

private:
  Vertex addTuple(eval::TupleId Id) {
    const eval::TupleRecord &T = R.Tuples[Id];
    LineageVertex V;
    V.Kind = VertexKind::Tuple;
    V.Tuple = Id;
    V.Given = T.Origin != eval::TupleOrigin::Derived;
    V.Key = fmt::format("{}({})", R.RelNames[T.Rel], Syms.render(T.Values));
    V.Label = fmt::format("{}@{}", V.Key, T.Time);
    Vertex Out = boost::add_vertex(V, G);
    TupleVertices[Id] = Out;
    return Out;
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
};

} // namespace

Lineage Lineage::build(const eval::Run &R, const ir::Program &P, const eval::SymbolTable &Syms,
                       const BuildOptions &Opts) {
  Lineage L;
  Builder B(R, P, Syms, Opts, L.Graph);
  if (auto Post = R.relation("post"))
    for (eval::TupleId Id : R.table(*Post, R.EOT))
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
    }
    Out << "[label=" << boost::escape_dot_string(LV.Label) << ", " << Style << "]";
  };
  std::ostringstream Text;
  boost::write_graphviz(Text, Graph, Attributes);
  OS << Text.str();
}

} // namespace faultline::lineage
