//===- faultline/Report/HtmlReport.h - A report to look at -----*- C++ -*-===//
//
// `--format html` of check and ldfi: one self-contained HTML file (inline
// SVG and CSS, nothing fetched when it is viewed) with the verdict of each
// scenario; for each counterexample its spacetime diagram, the invariant
// that failed in the user's terms, the story with the source line of each
// step, and the lineage graph of the broken outcome laid out by Graphviz;
// the search statistics; for a certified scenario its bounds and the
// fault-free run's diagram. docs/user-guide.md says how to read it.
//
// The commands know the user's terms (handler names, invariant parameters);
// they pass them in as stories and descriptions, and this library draws.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_HTMLREPORT_H
#define FAULTLINE_REPORT_HTMLREPORT_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Run.h"
#include "faultline/Report/Findings.h"
#include "faultline/Search/Search.h"

#include <functional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::report {

/// A run's story (Findings.h's steps): the steps to show for it, in time
/// order; a handler step's Handler labels its lane.
using StoryFn = std::function<std::vector<StoryStep>(const eval::Run &)>;
/// The sentence that says which invariant a `pre` tuple without its `post`
/// breaks, with the values that broke it.
using DescribeFn = std::function<std::string(const eval::Tuple &Pre, int EOT)>;
/// A message as the user's code writes it, with its payload:
/// `replicate{seq = 0, value = "x"}`; empty for the positional default.
using MessageTextFn = std::function<std::string(const eval::Message &)>;

/// One scenario's search and what is needed to explain it.
struct ScenarioReport {
  std::string Name;
  const eval::Evaluator *Ev = nullptr;
  faultline::Bounds Bounds;
  search::Strategy Strat = search::Strategy::LDFI;
  const search::SearchResult *Result = nullptr;
  /// Every counterexample breaks only invariants marked NOLINT(faultline).
  bool Suppressed = false;
  StoryFn Story;
  DescribeFn Describe;
  MessageTextFn MessageText;
};

/// A message with its payload: MessageText's, or else the relation and its
/// columns after the receiver's, `replicate(0, "x")`.
std::string messageText(const eval::Message &M, const eval::Run &R,
                        const eval::SymbolTable &Syms, const MessageTextFn &MessageText);

/// The SVG spacetime diagram of a run: a lane per node, an arrow per
/// message from its send to its delivery (dashed and crossed when lost,
/// open-headed when still in flight at EOT), crashes marked, and the story's
/// handlers written on the lanes. Each arrow is labelled with its message
/// and payload (messageText). Id is the svg element's, unique in the page.
std::string spacetimeSvg(const eval::Run &R, const std::vector<std::string> &Nodes,
                         const eval::SymbolTable &Syms, const std::vector<StoryStep> &Steps,
                         const std::string &Id, const MessageTextFn &MessageText = {});

/// A lineage graph drawn, or why there is none.
struct LineageDrawing {
  std::string Svg; ///< Empty when there is nothing to draw.
  std::string Why; ///< Why not.
  unsigned Cut = 0; ///< Vertices marked (red).
  /// Of Cut, the vertices the faults take away themselves: a lost message,
  /// a message from or to a crashed node, a tuple on a crashed node.
  unsigned Taken = 0;
  /// Handler steps of the counterexample's run drawn beside the lineage:
  /// each ended state the outcome needed (a member assigned or erased).
  unsigned Enders = 0;
};

/// The SVG of the lineage of Outcome (a `post` tuple) in the fault-free run
/// FaultFree: what the outcome needed, laid out by Graphviz's dot, with
/// what the counterexample lacks marked: what its faults Cut take away
/// (lost messages, crashed nodes), and, given its run Counterexample, every
/// tuple, rule firing and message of the drawing that run does not have.
/// Where state the outcome needed held in the counterexample too but
/// stopped holding, the handler step of that run that ended it (assigned
/// or erased it) is drawn below it, marked as well. Id prefixes the ids in
/// the SVG.
LineageDrawing lineageSvg(const eval::Run &FaultFree, const ir::Program &P,
                          const eval::SymbolTable &Syms, const eval::Tuple &Outcome,
                          const FaultSet &Cut, const std::string &Id,
                          const eval::Run *Counterexample = nullptr);

/// The SVG of why a counterexample's run broke an invariant: the lineage of
/// its `pre` tuple Pre (without `post`) in Run, with what happened only
/// because of the faults (tuples and messages the fault-free run FaultFree
/// lacks) marked, counted in Cut.
LineageDrawing violationLineageSvg(const eval::Run &Run, const eval::Run &FaultFree,
                                   const ir::Program &P, const eval::SymbolTable &Syms,
                                   const eval::Tuple &Pre, const std::string &Id);

/// Collects scenarios and writes the page.
class HtmlReport {
public:
  explicit HtmlReport(std::string Title) : Title(std::move(Title)) {}
  /// Renders the scenario now: its search result and evaluator may go
  /// away afterwards.
  void addScenario(const ScenarioReport &S);
  void write(llvm::raw_ostream &OS) const;

private:
  struct Row {
    std::string Name, Verdict, Anchor;
    std::string Section; ///< The scenario's part of the page.
  };
  std::string Title;
  std::vector<Row> Rows;
};

} // namespace faultline::report

#endif // FAULTLINE_REPORT_HTMLREPORT_H
