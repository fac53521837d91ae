//===- faultline/Report/ScheduleReport.h - Fault schedules -----*- C++ -*-===//
//
// The fault schedule of a counterexample, as `faultline check
// --emit-schedules DIR` writes it: the scenario, its bounds, the crashes and
// omissions with their times, and the invariants the run violated. A
// protocol's replay binary (annotations/faultline/sim/replay.h) reads it and
// runs the compiled C++ under the same faults; both sides read and write the
// file with faultline/schedule_json.h. Schema: docs/json-schema.md.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_SCHEDULEREPORT_H
#define FAULTLINE_REPORT_SCHEDULEREPORT_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Run.h"
#include "faultline/Eval/Scenario.h"
#include "faultline/IR/AST.h"

#include <string>
#include <vector>

namespace faultline::report {

/// The names of the invariants a run violates: the first column of each
/// `pre` tuple without its `post`, each once, in the run's order.
std::vector<std::string> violatedInvariants(const eval::Run &R, const eval::SymbolTable &Syms);

/// The fingerprint of the model a schedule comes from: a hash of its
/// program printed without source locations, so that one protocol gives one
/// fingerprint wherever it is built, and a change to what the model means
/// (a handler, a message, an invariant, the scenario's set-up) another. A
/// replay binary built from another version of the protocol refuses the
/// schedule (`faultline extract --fingerprints` prints what it embeds).
std::string modelFingerprint(const ir::Program &P);

/// The text of the schedule file; Fingerprint goes into its "model" key.
std::string scheduleToJSON(const std::string &Scenario, const std::string &Fingerprint,
                           const Bounds &B, const FaultSet &F,
                           const std::vector<std::string> &Violated);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_SCHEDULEREPORT_H
