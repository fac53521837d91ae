//===- RunCommand.cpp - faultline run: one execution ----------------------===//

#include "Commands.h"

#include "faultline/Eval/Evaluator.h"
#include "faultline/Report/RunReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace faultline::tool {

/// Turns --omit/--crash/--restart arguments into a checked fault set.
static std::optional<FaultSet> parseFaults(const RunOptions &Opts, ir::DiagnosticEngine &Diags) {
  FaultSet F;
  for (const std::string &Text : Opts.Omissions) {
    auto O = eval::parseOmission(Text);
    if (!O) {
      Diags.error("invalid --omit '" + Text + "': expected FROM,TO,TIME");
      return std::nullopt;
    }
    F.Omissions.push_back(*O);
  }
  for (const std::string &Text : Opts.Crashes) {
    auto C = eval::parseCrash(Text);
    if (!C) {
      Diags.error("invalid --crash '" + Text + "': expected NODE,TIME");
      return std::nullopt;
    }
    F.Crashes.push_back(*C);
  }
  for (const std::string &Text : Opts.Restarts) {
    auto C = eval::parseCrash(Text); // the same NODE,TIME shape
    if (!C) {
      Diags.error("invalid --restart '" + Text + "': expected NODE,TIME");
      return std::nullopt;
    }
    F.Restarts.push_back({C->Node, C->Time});
  }
  for (const std::string &Text : Opts.TimerDelays) {
    auto D = eval::parseTimerDelay(Text);
    if (!D) {
      Diags.error("invalid --delay-timer '" + Text + "': expected NODE,TIMER,DUE,DELAY");
      return std::nullopt;
    }
    F.TimerDelays.push_back(*D);
  }
  F.normalize();
  if (auto Problem = checkFaults(Opts.Bounds, F)) {
    Diags.error(*Problem);
    return std::nullopt;
  }
  return F;
}

int runCommand(const RunOptions &Opts) {
  ir::DiagnosticEngine Diags(llvm::errs());
  auto Faults = parseFaults(Opts, Diags);
  if (!Faults)
    return ExitBadInput;
  auto Loaded = loadAndCheck(Opts.Files, Opts.Strict, Diags);
  if (!Loaded)
    return ExitBadInput;
  eval::Evaluator Ev(Loaded->Program, Loaded->Strata);
  for (const std::string &Name : Opts.Show)
    if (llvm::find(Ev.relationNames(), Name) == Ev.relationNames().end()) {
      Diags.error("--show " + Name + ": the program has no relation of that name");
      return ExitBadInput;
    }
  for (const TimerDelay &D : Faults->TimerDelays)
    if (!Loaded->Program.timer(D.Timer)) {
      Diags.error("--delay-timer " + D.Node + "," + D.Timer + ": the program declares no timer '" +
                  D.Timer + "'");
      return ExitBadInput;
    }
  eval::EvalOptions EO;
  EO.NegativeSupport = Opts.NegativeSupport;
  EO.Limits = Opts.Limits;
  auto Run = Ev.run(Opts.Bounds, *Faults, Diags, EO);
  if (!Run)
    return ExitBadInput;
  // Which timers come due when is known only once run: a delay of one that
  // did not is no error, but it changed nothing.
  for (const TimerDelay &D : Faults->TimerDelays)
    if (llvm::none_of(Run->Timers, [&](const eval::TimerArming &A) {
          return A.Node == D.Node && A.Timer == D.Timer && A.Due == D.Due && A.MaxDelay > 0;
        }))
      Diags.warning(ir::SourceLoc(),
                    llvm::formatv("--delay-timer {0},{1},{2},{3}: no timer {1} of {0} was pending "
                                  "at its due step {2} in this run, so the delay changed nothing",
                                  D.Node, D.Timer, D.Due, D.Delay)
                        .str());

  report::RunReportOptions RO;
  RO.Show = Opts.Show;
  RO.AllTimes = Opts.AllTimes;
  if (Opts.Format == OutputFormat::JSON)
    llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(report::runToJSON(
                                               *Run, Ev.symbols(), Opts.Bounds, RO)))
                 << "\n";
  else
    report::printRunText(llvm::outs(), *Run, Ev.symbols(), Opts.Bounds, RO);
  return Run->violates() ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
