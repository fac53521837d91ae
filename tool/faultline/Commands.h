//===- Commands.h - The faultline subcommands -------------------*- C++ -*-===//
//
// main.cpp parses the command line into these plain structs; each command is
// a function from its options to an exit code (see ExitCode). print, run
// and ldfi are in the executable `faultline`; extract, check and review,
// which need Clang, in `faultline-cxx`, which `faultline` runs for them
// (CMakeLists.txt says why).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_COMMANDS_H
#define FAULTLINE_TOOL_COMMANDS_H

#include "SearchProgress.h"

#include "faultline/Check/ScenarioSearch.h"
#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Scenario.h"
#include "faultline/Frontend/Frontend.h"
#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Validate.h"
#include "faultline/Report/HtmlReport.h"
#include "faultline/Report/Writers.h"
#include "faultline/Search/Search.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace faultline::tool {

/// The exit codes of SPEC section 5.
enum ExitCode : int {
  ExitOk = 0,
  ExitViolation = 1,
  ExitBadInput = 2,
  ExitInternal = 3,
};

enum class OutputFormat { Text, JSON, Html };

/// check and review: the exit code of a scenario that could not be searched.
inline ExitCode exitCodeOf(check::SearchFailure F) {
  return F == check::SearchFailure::Internal ? ExitInternal : ExitBadInput;
}

/// Writes the page of `--format html` to Path ("" or "-": standard output);
/// false after an error (printed).
bool writeHtml(const report::HtmlReport &Page, const std::string &Path);

/// A program loaded, validated and stratified, or nothing after errors.
struct LoadedProgram {
  ir::Program Program;
  ir::Stratification Strata;
};
/// On the heap, because Diags keeps a pointer to the program (for the file
/// names of later diagnostics, such as evaluation errors): it must not move.
std::unique_ptr<LoadedProgram> loadAndCheck(const std::vector<std::string> &Files, bool Strict,
                                            ir::DiagnosticEngine &Diags);

struct PrintOptions {
  std::vector<std::string> Files;
  bool WithLocations = false;
  bool Strict = false;
};
int printCommand(const PrintOptions &Opts);

/// Options shared by run and ldfi: the scenario bounds.
struct ScenarioOptions {
  std::vector<std::string> Files;
  faultline::Bounds Bounds;
  bool Strict = false;
  OutputFormat Format = OutputFormat::Text;
  std::string Output; ///< -o: where --format html writes (empty: stdout).
};

struct RunOptions : ScenarioOptions {
  std::vector<std::string> Omissions; ///< FROM,TO,T as given.
  std::vector<std::string> Crashes;   ///< NODE,T as given.
  std::vector<std::string> Restarts;  ///< NODE,T as given.
  std::vector<std::string> TimerDelays; ///< NODE,TIMER,DUE,DELAY as given.
  std::vector<std::string> Show;
  bool AllTimes = false;
  bool NegativeSupport = true;
  eval::EvalLimits Limits; ///< --max-step-derivations, --max-tuples.
};
int runCommand(const RunOptions &Opts);

struct LdfiOptions : ScenarioOptions {
  /// As check and review take them, with ldfi's own (strategy, seed...).
  search::SearchOptions Search;
  bool ShowRuns = false;
  ProgressMode Progress = ProgressMode::Auto;
};
int ldfiCommand(const LdfiOptions &Opts);

/// What the C++ commands share: where the code and its build are.
struct SourceOptions {
  frontend::ExtractOptions Frontend;
  std::string Scenario; ///< Empty: every scenario.
  /// Link the plugin's extractions under this folder instead of parsing.
  std::string FromObjects;
};

/// Runs the frontend on the sources (or links the plugin's extractions),
/// keeping only the scenario asked for; nothing after errors (printed).
/// extract and check share it.
std::optional<std::vector<frontend::ExtractedModel>> extractModels(const SourceOptions &Opts);

struct ExtractOptions : SourceOptions {
  std::string Output; ///< Empty or "-": standard output.
  /// Print each scenario's model fingerprint instead of its program.
  bool Fingerprints = false;
  /// "model", or "simulation": the simulator's set-up, as C++.
  std::string Emit = "model";
};
int extractCommand(const ExtractOptions &Opts);

struct CheckOptions : SourceOptions, check::SearchSettings {
  /// Where to write each counterexample's fault schedule (empty: nowhere).
  std::string EmitSchedules;
  /// Text: diagnostics and a line per scenario; else a document (Writers.h).
  report::ReportFormat Format = report::ReportFormat::Text;
  std::string Output; ///< -o: where the document goes (empty or "-": stdout).
  ProgressMode Progress = ProgressMode::Auto;
  /// `--shard I/N` (or Bazel's TEST_SHARD_INDEX, TEST_TOTAL_SHARDS): only
  /// the scenarios, sorted by name, whose rank modulo N is I.
  std::optional<report::FindingsReport::ShardInfo> Shard;
  /// Print the scenarios (of the shard) one a line instead of searching.
  bool ListScenarios = false;
};
int checkCommand(const CheckOptions &Opts);

/// "I/N" with 0 <= I < N as a shard (Total unset); nothing after an error
/// (Error says why).
std::optional<report::FindingsReport::ShardInfo> parseShard(llvm::StringRef Text,
                                                            std::string &Error);

/// The folder structured reports' paths are relative to (SARIF's
/// %SRCROOT%): the git repository the current folder is in, else the
/// current folder.
std::string sourceRoot();

/// Writes a structured report (any format but text and html) to Output
/// (empty or "-": standard output); an exit code.
int writeStructured(const std::string &Output, const report::FindingsReport &Report,
                    report::ReportFormat Format);

/// faultline merge: the JSON reports of a check's shards as one report.
struct MergeOptions {
  std::vector<std::string> Files;
  /// Text: a line per finding and per scenario.
  report::ReportFormat Format = report::ReportFormat::Text;
  std::string Output;
};
int mergeCommand(const MergeOptions &Opts);

/// faultline review: what a change does to the scenarios' verdicts
/// (ReviewCommand.cpp).
struct ReviewOptions : check::SearchSettings {
  std::string Base, Head = "HEAD"; ///< git revisions
  std::string BuildPath;           ///< -p: the folder of compile_commands.json
  std::vector<std::string> ExtraArgs;
  std::string IgnoreCalls; ///< --ignore-calls, for both revisions
  unsigned LoopBound = 8;  ///< --loop-bound, for both revisions
  unsigned Jobs = 0;
  bool Verbose = false;
  /// --timeout, for the extraction of both revisions.
  std::optional<frontend::ExtractionDeadline> Deadline;
  report::ReportFormat Format = report::ReportFormat::Markdown;
  std::string Output;
};
int reviewCommand(const ReviewOptions &Opts);

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_COMMANDS_H
