//===- GraphvizRender.cpp - dot and SVG, in a module of their own ---------===//
//
// The faultline-graphviz module: the only code that calls Graphviz, so that
// only a command that draws loads it (DotGraph.h). It builds the graph with
// cgraph and has the dot engine lay it out and render it to SVG.
//
//===----------------------------------------------------------------------===//

#include "DotGraph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace faultline::report {

namespace {

void set(void *Object, const std::string &Name, const std::string &Value) {
  agsafeset(Object, const_cast<char *>(Name.c_str()), const_cast<char *>(Value.c_str()),
            const_cast<char *>(""));
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

void dotToSvg(const DotGraph &G, std::string &Svg, std::string &Why) {
  GraphvizContext Gvc;
  std::unique_ptr<Agraph_t, int (*)(Agraph_t *)> Graph(
      agopen(const_cast<char *>("lineage"), Agdirected, nullptr), agclose);
  for (const auto &[Name, Value] : G.Graph)
    set(Graph.get(), Name, Value);
  for (const auto &[Name, Value] : G.NodeDefaults)
    agattr(Graph.get(), AGNODE, const_cast<char *>(Name.c_str()),
           const_cast<char *>(Value.c_str()));
  std::vector<Agnode_t *> Nodes;
  Nodes.reserve(G.Nodes.size());
  for (const DotGraph::Node &N : G.Nodes) {
    Nodes.push_back(agnode(Graph.get(), const_cast<char *>(N.Name.c_str()), 1));
    for (const auto &[Name, Value] : N.Attributes)
      set(Nodes.back(), Name, Value);
  }
  for (size_t I = 0; I < G.Edges.size(); ++I) {
    auto [From, To] = G.Edges[I];
    Agedge_t *Edge = agedge(Graph.get(), Nodes[From], Nodes[To], nullptr, 1);
    if (I < G.EdgeAttributes.size())
      for (const auto &[Name, Value] : G.EdgeAttributes[I])
        set(Edge, Name, Value);
  }

  if (gvLayout(Gvc.Context, Graph.get(), "dot") != 0) {
    Why = "Graphviz could not lay the lineage out";
    return;
  }
  char *Data = nullptr;
  unsigned Length = 0;
  int Failed = gvRenderData(Gvc.Context, Graph.get(), "svg", &Data, &Length);
  if (!Failed && Data)
    Svg.assign(Data, Length);
  if (Data)
    gvFreeRenderData(Data);
  gvFreeLayout(Gvc.Context, Graph.get());
  if (Svg.empty())
    Why = "Graphviz could not render the lineage";
}

} // namespace

} // namespace faultline::report

// The entry point, found by name (DotToSvgSymbol); the check makes sure it
// keeps the type the loader casts it to.
extern "C" __attribute__((visibility("default"))) void
faultline_dot_to_svg(const faultline::report::DotGraph &G, std::string &Svg, std::string &Why) {
  faultline::report::dotToSvg(G, Svg, Why);
}
static_assert(std::is_same_v<decltype(faultline_dot_to_svg), faultline::report::DotToSvgFn>);
