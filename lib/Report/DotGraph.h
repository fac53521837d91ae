//===- DotGraph.h - A graph for Graphviz's dot, as plain data --*- C++ -*-===//
//
// What LineageSvg.cpp draws, handed to the renderer in the faultline-graphviz
// module (GraphvizRender.cpp). Graphviz and the nine libraries it needs take
// a noticeable part of a small command's start-up and only `--format html`
// uses them, so the executables do not link them: the module that does is
// loaded the first time something is drawn (docs/design.md, "Start-up").
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_REPORT_DOTGRAPH_H
#define FAULTLINE_LIB_REPORT_DOTGRAPH_H

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace faultline::report {

using DotAttributes = std::vector<std::pair<std::string, std::string>>;

/// A directed graph with Graphviz attributes.
struct DotGraph {
  DotAttributes Graph;        ///< Of the graph itself.
  DotAttributes NodeDefaults; ///< Of every node, unless it sets its own.
  struct Node {
    std::string Name;
    DotAttributes Attributes;
  };
  std::vector<Node> Nodes;
  std::vector<std::pair<size_t, size_t>> Edges; ///< Indices into Nodes.
  /// The attributes of Edges[I], for the I that have some (may be shorter).
  std::vector<DotAttributes> EdgeAttributes;
};

/// Lays G out with dot and renders it as SVG into Svg; on failure, says why
/// in Why and leaves Svg empty. The module's one entry point, looked up by
/// the name DotToSvgSymbol (both sides are built by this project, with one
/// compiler and one standard library, so C++ types may cross).
using DotToSvgFn = void(const DotGraph &G, std::string &Svg, std::string &Why);
inline constexpr const char *DotToSvgSymbol = "faultline_dot_to_svg";

} // namespace faultline::report

#endif
