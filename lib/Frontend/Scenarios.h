//===- Scenarios.h - FL_SCENARIO functions to facts -------------*- C++ -*-===//

#ifndef FAULTLINE_LIB_FRONTEND_SCENARIOS_H
#define FAULTLINE_LIB_FRONTEND_SCENARIOS_H

#include "FragmentBuilder.h"
#include "Protocol.h"
#include "Reporter.h"

#include "clang/AST/ASTContext.h"

namespace faultline::frontend {

/// Reads each scenario function's calls on its faultline::Scenario (constant
/// arguments only) into bounds, nodes and the facts of time 1 (roles, clocks,
/// initial state) and the messages that start the run.
void lowerScenarios(const Protocol &P, clang::ASTContext &Ctx, Reporter &R, FragmentBuilder &M);

} // namespace faultline::frontend

#endif // FAULTLINE_LIB_FRONTEND_SCENARIOS_H
