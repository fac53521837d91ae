//===- faultline/Report/RunReport.h - Describing one execution -*- C++ -*-===//
//
// Renders a Run for people (text) and for programs (JSON; the schema is in
// docs/json-schema.md): the verdict, the faults, the messages and what became
// of them, the pre/post tables at EOT and any relation asked for.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_RUNREPORT_H
#define FAULTLINE_REPORT_RUNREPORT_H

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Run.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::report {

struct RunReportOptions {
  /// Relations to print besides pre and post.
  std::vector<std::string> Show;
  /// Print the shown relations at every time step, not only at EOT.
  bool AllTimes = false;
};

/// "delivered", "omitted" or "after-eot", as the JSON and the HTML report
/// name a message's fate.
const char *fateName(eval::MessageFate F);

/// ", restarts allowed N" when the bounds allow restarts, else nothing:
/// appended to the bounds line, which stays as it was without them.
std::string restartsAllowed(const Bounds &B);
/// ", N restart(s)" when the bounds allow restarts, else nothing: appended
/// to "N crash(es)" in a certificate.
std::string restartsBound(const Bounds &B);

/// One line per message: "2  a -> b  log("b", 1)  lost (omitted)".
void printTimeline(llvm::raw_ostream &OS, const eval::Run &R, const eval::SymbolTable &Syms);

void printRunText(llvm::raw_ostream &OS, const eval::Run &R, const eval::SymbolTable &Syms,
                  const Bounds &B, const RunReportOptions &Opts);

/// "EOT 6, EFF 2, nodes a,b, crashes allowed 1", with restartsAllowed and
/// ", timer slack N" when the bounds let timers fire late.
std::string boundsText(const Bounds &B);
/// The `bounds` object of the JSON reports; `restarts` always, and
/// `timer_slack` only when not 0, so that reports without timers stay as
/// they were.
llvm::json::Object boundsToJSON(const Bounds &B);
llvm::json::Object faultsToJSON(const FaultSet &F);
llvm::json::Array messagesToJSON(const eval::Run &R, const eval::SymbolTable &Syms);
/// Every arming of a timer: node, timer, armed, due, and fired / ended when
/// they happened within the run.
llvm::json::Array timersToJSON(const eval::Run &R);
llvm::json::Object runToJSON(const eval::Run &R, const eval::SymbolTable &Syms,
                             const Bounds &B, const RunReportOptions &Opts);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_RUNREPORT_H
