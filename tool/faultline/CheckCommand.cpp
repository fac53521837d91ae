//===- CheckCommand.cpp - faultline check: LDFI on annotated C++ ----------===//
//
// Extracts the model, runs the LDFI search for each scenario, and reports
// each counterexample as clang-style diagnostics (a warning at the violated
// invariant, then notes, in time order, at each crash, each lost message's
// send, and each handler that ran: Check/Explain.h), or with --format as
// SARIF, rdjson or JSON (lib/Report's writers). With --emit-schedules, it also writes each
// counterexample's faults as a schedule that the protocol's replay binary
// runs against the compiled code (docs/runtime.md).
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "GitRevisions.h"

#include "faultline/Check/Explain.h"
#include "faultline/Eval/Evaluator.h"
#include "faultline/Frontend/Frontend.h"
#include "faultline/Report/HtmlReport.h"
#include "faultline/Report/ScheduleReport.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Report/Writers.h"
#include "faultline/Search/Search.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>

namespace faultline::tool {

namespace {

/// Writes DIR/<scenario>.json for the first counterexample of a search
/// (DIR/<scenario>-N.json for the N-th), and removes the schedules an
/// earlier check left that this one does not replace (all of them when the
/// scenario is certified), so that DIR holds the scenario's counterexamples
/// as now known. A search that found none and certified nothing (a limit
/// ended it) proves no earlier counterexample wrong: their schedules stay,
/// with a note. False after an error (printed).
bool writeSchedules(const std::string &Dir, const frontend::ExtractedModel &M,
                    const Bounds &B, const search::SearchResult &R,
                    const eval::SymbolTable &Syms) {
  const frontend::ScenarioModel &S = M.Scenario;
  // A qualified name (two programs with a scenario of this name) makes a
  // file name without colons.
  std::string Base = llvm::StringRef(M.DisplayName).str();
  std::replace(Base.begin(), Base.end(), ':', '_');
  auto PathOf = [&](size_t N) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, N == 1 ? Base + ".json"
                                         : Base + "-" + std::to_string(N) + ".json");
    return std::string(Path);
  };
  if (R.Found.empty() && R.V != search::Verdict::Certified) {
    if (llvm::sys::fs::exists(PathOf(1)))
      llvm::errs() << fmt::format("faultline: note: scenario '{}': the search found no "
                                  "counterexample but did not finish; {} from an earlier check "
                                  "is kept\n",
                                  M.DisplayName, PathOf(1));
    return true;
  }
  // Those of an earlier check beyond the ones written now.
  for (size_t N = R.Found.size() + 1; llvm::sys::fs::exists(PathOf(N)); ++N)
    llvm::sys::fs::remove(PathOf(N));
  for (size_t I = 0; I < R.Found.size(); ++I) {
    const search::Counterexample &C = R.Found[I];
    std::vector<std::string> Violated;
    if (C.Run)
      Violated = report::violatedInvariants(*C.Run, Syms);
    std::string Path = PathOf(I + 1);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "faultline: error: cannot write " << Path << ": " << EC.message() << "\n";
      return false;
    }
    OS << report::scheduleToJSON(S.Name, report::modelFingerprint(M.program()), B, C.Faults,
                                 Violated)
       << "\n";
    llvm::outs() << fmt::format("scenario '{}': fault schedule written to {}\n", M.DisplayName,
                                Path);
  }
  return true;
}

} // namespace

/// What the structured reports' paths are relative to (SARIF's
/// %SRCROOT%): the git repository the current folder is in, else the
/// current folder.
static std::string sourceRoot() {
  std::string Error;
  if (auto Repo = GitRepository::find(Error))
    return Repo->root();
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

/// Where a structured report goes: -o FILE, or standard output.
static int writeStructured(const CheckOptions &Opts, const report::FindingsReport &Report) {
  if (Opts.Output.empty() || Opts.Output == "-") {
    report::writeReport(llvm::outs(), Report, Opts.Format);
    return ExitOk;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Opts.Output, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    llvm::errs() << "faultline: error: cannot write " << Opts.Output << ": " << EC.message()
                 << "\n";
    return ExitBadInput;
  }
  report::writeReport(OS, Report, Opts.Format);
  return ExitOk;
}

int checkCommand(const CheckOptions &Opts) {
  if (!Opts.EmitSchedules.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Opts.EmitSchedules)) {
      llvm::errs() << "faultline: error: cannot create the folder " << Opts.EmitSchedules << ": "
                   << EC.message() << "\n";
      return ExitBadInput;
    }
  auto Models = extractModels(Opts);
  if (!Models)
    return ExitBadInput;
  bool Text = Opts.Format == report::ReportFormat::Text;
  // With --format html the page is the report: no notes, and the verdict
  // lines only when the page goes to a file.
  bool Html = Opts.Format == report::ReportFormat::Html;
  bool PageToStdout = Opts.Output.empty() || Opts.Output == "-";
  report::HtmlReport Page("faultline check");
  report::FindingsReport Report;
  Report.ToolVersion = frontend::Version;
  if (!Text && !Html)
    Report.SourceRoot = sourceRoot();
  bool Found = false;
  for (const frontend::ExtractedModel &Model : *Models) {
    check::SearchedScenario S;
    if (auto Failure = check::searchScenario(Model, Opts, S))
      return exitCodeOf(*Failure);
    std::vector<const search::Counterexample *> Reported = S.reported();
    Found |= !Reported.empty();
    if (Text) {
      ir::DiagnosticEngine D(llvm::outs());
      D.setProgram(&S.Program);
      for (unsigned I = 1; I < S.Program.Files.size(); ++I)
        if (auto Buffer = llvm::MemoryBuffer::getFile(S.Program.Files[I]))
          D.addSourceText(I, (*Buffer)->getBuffer().str());
      S.warnVacuous(D);
      for (const search::Counterexample *C : Reported)
        check::diagnoseCounterexample(S, *C, D, Opts.Frontend.Verbose);
      llvm::outs() << fmt::format("scenario '{}': {}\n", Model.DisplayName, S.verdictText());
    } else if (Html) {
      report::ScenarioReport SR;
      SR.Name = Model.DisplayName;
      SR.Ev = S.Ev.get();
      SR.Bounds = S.B;
      SR.Result = &S.R;
      SR.Suppressed = S.R.V == search::Verdict::Counterexample && Reported.empty();
      SR.Story = [&S](const eval::Run &R) { return check::storyOf(S, R); };
      SR.Describe = [&S](const eval::Tuple &Pre, int EOT) {
        return check::describeViolation(S, Pre, EOT);
      };
      SR.MessageText = [&S](const eval::Message &M) { return check::messageText(S, M); };
      Page.addScenario(SR);
      if (!PageToStdout)
        llvm::outs() << fmt::format("scenario '{}': {}\n", Model.DisplayName, S.verdictText());
    } else {
      Report.Scenarios.push_back(
          {Model.DisplayName, report::verdictName(S.R.V), S.verdictText(), "", false});
      for (const search::Counterexample *C : Reported)
        Report.Findings.push_back(
            check::findingOf(S, *C, [](const std::string &P) { return P; }));
    }
    if (!Opts.EmitSchedules.empty() &&
        !writeSchedules(Opts.EmitSchedules, Model, S.B, S.R, S.Ev->symbols()))
      return ExitBadInput;
  }
  if (Html && !writeHtml(Page, Opts.Output))
    return ExitBadInput;
  if (!Text && !Html)
    if (int Exit = writeStructured(Opts, Report))
      return Exit;
  return Found ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
