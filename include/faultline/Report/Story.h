//===- faultline/Report/Story.h - What a run's faults did -------*- C++ -*-===//
//
// The steps of a counterexample's story that its faults make, each crash and
// each lost message's send, worded once for every report: ldfi's HTML page
// shows them alone, check adds the handlers that ran (lib/Check).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_STORY_H
#define FAULTLINE_REPORT_STORY_H

#include "faultline/Eval/Run.h"
#include "faultline/Eval/Value.h"
#include "faultline/IR/AST.h"
#include "faultline/Report/Findings.h"

#include <string>
#include <vector>

namespace faultline::report {

/// A story step and the place in the program it comes from: the
/// diagnostics' location (StoryStep::Loc is the reports' file:line, filled
/// in by the caller, which knows how files are named).
struct LocatedStep {
  StoryStep Step;
  ir::SourceLoc Loc;
};

/// Each crash and restart of run R (at CrashLoc: neither has a place in the program;
/// check gives its scenario's) and each lost message (at the rule that sent
/// it), in time order, a time's crashes first. Roles come from the run's
/// fl_role table, "" where it has none.
std::vector<LocatedStep> faultSteps(const eval::Run &R, const ir::Program &P,
                                    const eval::SymbolTable &Syms, ir::SourceLoc CrashLoc = {});

/// The role of Node at time T in run R, from its fl_role table ("" if none).
std::string roleAt(const eval::Run &R, const eval::SymbolTable &Syms, const std::string &Node,
                   int T);

/// A value as the stories write it: an integer, or a string without quotes.
std::string storyText(const eval::SymbolTable &Syms, eval::Value V);

/// Where Loc is, as the reports write it (nothing for an invalid location).
Location locationOf(const ir::Program &P, ir::SourceLoc Loc);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_STORY_H
