//===- faultline/Eval/Scenario.h - Failure scenarios ----------*- C++ -*-===//
//
// A failure scenario fixes the bounds of a run (EOT, EFF, the nodes, how many
// crashes are allowed) and the faults injected into it. The types and their
// check are faultline/faults.h, which the simulator shares; what is the
// engine's own is how the command line spells a fault.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_EVAL_SCENARIO_H
#define FAULTLINE_EVAL_SCENARIO_H

#include "faultline/faults.h"

#include <optional>
#include <string>

namespace faultline::eval {

/// Parses "FROM,TO,T" and "NODE,T" as given on the command line.
std::optional<Omission> parseOmission(const std::string &Text);
std::optional<Crash> parseCrash(const std::string &Text);
/// Parses "NODE,TIMER,DUE,DELAY": the timer due at DUE fires DELAY steps late.
std::optional<TimerDelay> parseTimerDelay(const std::string &Text);

} // namespace faultline::eval

#endif // FAULTLINE_EVAL_SCENARIO_H
