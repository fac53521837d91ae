//===- LineageSvg.cpp - The lineage of a broken outcome, drawn by Graphviz ===//
//
// A counterexample's run lacks the outcome it broke, so its lineage is taken
// from the fault-free run, where the outcome held: the derivations it
// needed, down to facts and messages. The messages the counterexample's
// faults take away (lost, or sent or received by a crashed node) and the
// tuples on crashed nodes are marked. The graph is handed to Graphviz's
// cgraph and laid out and rendered to SVG by its dot engine.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/HtmlReport.h"

#include "faultline/IR/ReservedNames.h"
#include "faultline/Lineage/Lineage.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <fmt/format.h>

#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace faultline::report {

namespace {

/// Above this many vertices dot takes long and the picture says little.
constexpr size_t MaxVertices = 600;

std::optional<int> crashTime(const FaultSet &F, const std::string &Node) {
  for (const Crash &C : F.Crashes)
    if (C.Node == Node)
      return C.Time;
  return std::nullopt;
}

/// Whether the faults take this vertex away in the counterexample.
/// Latest: the last time a tuple's chain reaches.
bool isCut(const lineage::LineageVertex &V, const eval::Run &R, const eval::SymbolTable &Syms,
           const FaultSet &Cut, int Latest) {
  if (V.Kind == lineage::VertexKind::Message) {
    for (const Omission &O : Cut.Omissions)
      if (O.From == V.From && O.To == V.To && O.Time == V.SendTime)
        return true;
    auto SenderDead = crashTime(Cut, V.From), ReceiverDead = crashTime(Cut, V.To);
    return (SenderDead && *SenderDead <= V.SendTime) ||
           (ReceiverDead && *ReceiverDead <= V.SendTime + 1);
  }
  if (V.Kind == lineage::VertexKind::Tuple && !V.Given) {
    const eval::TupleRecord &T = R.Tuples[V.Tuple];
    if (T.Values.empty() || !T.Values[0].isStr())
      return false;
    auto Dead = crashTime(Cut, Syms.text(static_cast<uint32_t>(T.Values[0].V)));
    return Dead && *Dead <= std::max(T.Time, Latest);
  }
  return false;
}

void set(void *Object, const char *Name, const std::string &Value) {
  agsafeset(Object, const_cast<char *>(Name), const_cast<char *>(Value.c_str()),
            const_cast<char *>(""));
}

/// Shapes as Lineage::writeDot draws them; cut vertices filled red.
void style(Agnode_t *N, const lineage::LineageVertex &V, const std::string &Label, bool Cut) {
  using lineage::VertexKind;
  set(N, "label", Label);
  set(N, "class", std::string(Cut ? "cut " : "") + [&] {
    switch (V.Kind) {
    case VertexKind::Tuple:
      return "tuple";
    case VertexKind::Firing:
      return "firing";
    case VertexKind::Message:
      return "message";
    case VertexKind::Absent:
      return "absent";
    case VertexKind::NoCrash:
      return "nocrash";
    }
    return "";
  }());
  switch (V.Kind) {
  case VertexKind::Tuple:
    set(N, "shape", "ellipse");
    if (V.Given)
      set(N, "style", "filled"), set(N, "fillcolor", "lightgrey");
    break;
  case VertexKind::Firing:
    set(N, "shape", "box");
    set(N, "color", "blue");
    break;
  case VertexKind::Message:
    set(N, "shape", "diamond");
    break;
  case VertexKind::Absent:
    set(N, "shape", "ellipse");
    set(N, "style", "dashed");
    break;
  case VertexKind::NoCrash:
    set(N, "shape", "octagon");
    break;
  }
  if (Cut) {
    set(N, "style", "filled");
    set(N, "fillcolor", "#f4b6b6");
    set(N, "color", "red");
  }
}

/// Graphviz with exactly the two plugins the drawing needs, linked in (as
/// Graphviz's library guide shows): the dot layout and the core renderers,
/// SVG among them. gvContext() would load every installed plugin, pango's
/// among them, whose text measures depend on the fonts installed and whose
/// font caches are never freed; the core estimates text from built-in
/// font metrics, the same on every machine.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;
}

const lt_symlist_t Plugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr},
};

struct GraphvizContext {
  GVC_t *Context = gvContextPlugins(Plugins, /*demand_loading=*/0);
  ~GraphvizContext() { gvFreeContext(Context); }
};

/// The part of a lineage graph an outcome needs, drawn for people:
/// - each chain of a tuple carried from step to step by persistence (`x@t`
///   needs `x@t-1` and nothing else) is one vertex `x@t0..t1`: in a long
///   run those chains are most of the graph and say only "it stayed";
/// - the relations the C++ frontend adds to model inboxes, clocks and
///   roles (named `fl_...`, a prefix reserved to it) are passed through:
///   what needs them is drawn as needing what they need.
class Drawing {
public:
  Drawing(const lineage::LineageGraph &G, const eval::Run &R, const ir::Program &P)
      : G(G), R(R), P(P) {}

  /// False if the outcome needs more than MaxVertices vertices.
  bool collect(lineage::Vertex Root) {
    for (lineage::Vertex Top : shown(Root))
      enter(Top);
    std::set<std::pair<lineage::Vertex, lineage::Vertex>> Seen;
    for (size_t I = 0; I < Order.size(); ++I) {
      if (Order.size() > MaxVertices)
        return false;
      lineage::Vertex V = Order[I]; // enter() grows Order
      for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
        for (lineage::Vertex Top : shown(boost::target(*E, G)))
          if (lineage::Vertex To = enter(Top); Seen.insert({V, To}).second)
            Edges.push_back({V, To});
    }
    return true;
  }

  std::vector<lineage::Vertex> Order;
  std::vector<std::pair<lineage::Vertex, lineage::Vertex>> Edges;
  /// For the bottom of each chain, the latest time the chain reaches.
  std::map<lineage::Vertex, int> Latest;

private:
  bool internal(lineage::Vertex V) const {
    const lineage::LineageVertex &LV = G[V];
    if (LV.Kind == lineage::VertexKind::Tuple)
      return llvm::StringRef(LV.Key).starts_with(ir::ReservedPrefix);
    if (LV.Kind == lineage::VertexKind::Firing)
      return llvm::StringRef(P.Rules[R.Firings[LV.Firing].Rule].Head.Relation)
          .starts_with(ir::ReservedPrefix);
    return false;
  }

  /// The vertices drawn for V: V itself, or what an internal V needs.
  const std::vector<lineage::Vertex> &shown(lineage::Vertex V) {
    if (auto It = Shown.find(V); It != Shown.end())
      return It->second;
    std::vector<lineage::Vertex> Out;
    if (!internal(V)) {
      Out.push_back(V);
    } else {
      Shown[V] = {}; // the lineage is acyclic; this only guards the recursion
      std::set<lineage::Vertex> Seen;
      for (auto [E, End] = boost::out_edges(V, G); E != End; ++E)
        for (lineage::Vertex W : shown(boost::target(*E, G)))
          if (Seen.insert(W).second)
            Out.push_back(W);
    }
    return Shown[V] = std::move(Out);
  }

  /// The vertex one step down a persistence chain from V, if there is one.
  std::optional<lineage::Vertex> persistsFrom(lineage::Vertex V) const {
    if (G[V].Kind != lineage::VertexKind::Tuple || boost::out_degree(V, G) != 1)
      return std::nullopt;
    lineage::Vertex F = boost::target(*boost::out_edges(V, G).first, G);
    if (G[F].Kind != lineage::VertexKind::Firing || boost::out_degree(F, G) != 1)
      return std::nullopt;
    lineage::Vertex Below = boost::target(*boost::out_edges(F, G).first, G);
    if (G[Below].Kind != lineage::VertexKind::Tuple || G[Below].Key != G[V].Key)
      return std::nullopt;
    return Below;
  }

  /// The vertex that stands for V: the bottom of its chain, queued once.
  lineage::Vertex enter(lineage::Vertex V) {
    int Top = G[V].Kind == lineage::VertexKind::Tuple ? R.Tuples[G[V].Tuple].Time : 0;
    while (auto Below = persistsFrom(V))
      V = *Below;
    auto [It, New] = Latest.try_emplace(V, Top);
    It->second = std::max(It->second, Top);
    if (New)
      Order.push_back(V);
    return V;
  }

  const lineage::LineageGraph &G;
  const eval::Run &R;
  const ir::Program &P;
  std::map<lineage::Vertex, std::vector<lineage::Vertex>> Shown;
};

std::string label(const lineage::LineageVertex &V, const Drawing &D, lineage::Vertex Id,
                  const eval::Run &R, const ir::Program &P) {
  if (V.Kind == lineage::VertexKind::Tuple) {
    int From = R.Tuples[V.Tuple].Time, To = D.Latest.at(Id);
    return From == To ? fmt::format("{}@{}", V.Key, From)
                      : fmt::format("{}@{}..{}", V.Key, From, To);
  }
  if (V.Kind == lineage::VertexKind::Firing) {
    const eval::Firing &F = R.Firings[V.Firing];
    const ir::Rule &Rule = P.Rules[F.Rule];
    if (!Rule.Loc.isValid())
      return fmt::format("rule {}@{}", Rule.Head.Relation, F.Time);
    return fmt::format("rule {} ({}:{})@{}", Rule.Head.Relation,
                       llvm::sys::path::filename(P.fileName(Rule.Loc)).str(), Rule.Loc.Line,
                       F.Time);
  }
  return V.Label;
}

} // namespace

LineageDrawing lineageSvg(const eval::Run &FaultFree, const ir::Program &P,
                          const eval::SymbolTable &Syms, const eval::Tuple &Outcome,
                          const FaultSet &Cut, const std::string &Id) {
  LineageDrawing Out;
  lineage::Lineage L = lineage::Lineage::build(FaultFree, P, Syms);
  const lineage::LineageGraph &G = L.Graph;
  auto Root = std::find_if(L.Outcomes.begin(), L.Outcomes.end(), [&](lineage::Vertex V) {
    return FaultFree.Tuples[G[V].Tuple].Values == Outcome;
  });
  if (Root == L.Outcomes.end()) {
    Out.Why = "the outcome does not hold in the fault-free run either, so it has no lineage";
    return Out;
  }
  Drawing D(G, FaultFree, P);
  if (!D.collect(*Root)) {
    Out.Why = fmt::format("the lineage has more than {} vertices, too many to draw; "
                      "`faultline ldfi --lineage-dot DIR` writes it whole",
                          MaxVertices);
    return Out;
  }

  GraphvizContext Gvc;
  std::unique_ptr<Agraph_t, int (*)(Agraph_t *)> Graph(
      agopen(const_cast<char *>("lineage"), Agdirected, nullptr), agclose);
  set(Graph.get(), "rankdir", "TB");
  set(Graph.get(), "id", Id); // Graphviz prefixes the SVG's ids with it
  agattr(Graph.get(), AGNODE, const_cast<char *>("fontsize"), const_cast<char *>("10"));
  agattr(Graph.get(), AGNODE, const_cast<char *>("fontname"), const_cast<char *>("Helvetica"));
  // Room for a browser's sans-serif, which can be wider than the metrics
  // the layout estimated the labels with.
  agattr(Graph.get(), AGNODE, const_cast<char *>("margin"), const_cast<char *>("0.25,0.06"));
  std::vector<Agnode_t *> Nodes(boost::num_vertices(G));
  for (lineage::Vertex V : D.Order) {
    std::string Name = "v" + std::to_string(V);
    Nodes[V] = agnode(Graph.get(), Name.data(), 1);
    bool IsCut = isCut(G[V], FaultFree, Syms, Cut, D.Latest.at(V));
    Out.Cut += IsCut;
    style(Nodes[V], G[V], label(G[V], D, V, FaultFree, P), IsCut);
  }
  for (auto [From, To] : D.Edges)
    agedge(Graph.get(), Nodes[From], Nodes[To], nullptr, 1);

  if (gvLayout(Gvc.Context, Graph.get(), "dot") != 0) {
    Out.Why = "Graphviz could not lay the lineage out";
    return Out;
  }
  char *Data = nullptr;
  unsigned Length = 0;
  int Failed = gvRenderData(Gvc.Context, Graph.get(), "svg", &Data, &Length);
  std::string Svg = Failed || !Data ? "" : std::string(Data, Length);
  if (Data)
    gvFreeRenderData(Data);
  gvFreeLayout(Gvc.Context, Graph.get());
  if (Svg.empty()) {
    Out.Why = "Graphviz could not render the lineage";
    return Out;
  }
  // Inline in HTML: drop the XML declaration and doctype before <svg.
  Out.Svg = Svg.substr(Svg.find("<svg"));
  return Out;
}

} // namespace faultline::report
