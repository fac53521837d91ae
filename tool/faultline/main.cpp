//===- main.cpp - The faultline command-line driver -----------------------===//
//
// A thin driver: parse the subcommand and its options with llvm::cl, hand
// them to the command, and turn anything unexpected into exit code 3.
//
// Built twice (CMakeLists.txt): as `faultline`, without Clang, which runs
// print, run and ldfi itself and hands extract, check and review to
// `faultline-cxx` next to it, built with FAULTLINE_CXX_COMMANDS. Both
// define every option, so `faultline --help` lists every command.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <string>

#ifndef FAULTLINE_CXX_COMMANDS
#include "llvm/Support/Errno.h"
#include "llvm/Support/Path.h"

#include <unistd.h>
#endif

using namespace llvm;
using namespace faultline::tool;
using faultline::report::ReportFormat;
namespace frontend = faultline::frontend;
namespace search = faultline::search;

static cl::SubCommand PrintCmd("print", "Check a Dedalus program and print it back");
static cl::SubCommand RunCmd("run", "Run a Dedalus program once under a failure scenario");
static cl::SubCommand LdfiCmd("ldfi", "Search the failure scenarios of a Dedalus program");
static cl::SubCommand ExtractCmd("extract", "Print the model extracted from annotated C++");
static cl::SubCommand CheckCmd("check", "Search the scenarios of annotated C++ for counterexamples");
static cl::SubCommand ReviewCmd("review",
                                "Report what a change (two git revisions) introduces and fixes");
static cl::SubCommand MergeCmd("merge",
                               "Join the JSON reports of a check's shards (--shard) into one");

static cl::OptionCategory Cat("faultline options");

// print
static cl::list<std::string> PrintFiles(cl::Positional, cl::desc("<file.ded>..."),
                                        cl::OneOrMore, cl::sub(PrintCmd));
static cl::opt<bool> WithLocations("with-locations",
                                   cl::desc("Precede each clause with its source location"),
                                   cl::sub(PrintCmd), cl::cat(Cat));

// Shared by the commands that execute a program.
static cl::list<std::string> RunFiles(cl::Positional, cl::desc("<file.ded>..."), cl::OneOrMore,
                                      cl::sub(RunCmd));
static cl::opt<int> EOT("eot", cl::desc("End of time: the last time step (default 3)"),
                        cl::init(faultline::Bounds().EOT), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::alias EOTMolly("EOT", cl::aliasopt(EOT), cl::desc("Alias for --eot"));
static cl::alias EOTShort("t", cl::aliasopt(EOT), cl::desc("Alias for --eot"));
static cl::opt<int> EFF("eff",
                        cl::desc("End of finite failures: omissions only before it (default 2)"),
                        cl::init(faultline::Bounds().EFF), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::alias EFFMolly("EFF", cl::aliasopt(EFF), cl::desc("Alias for --eff"));
static cl::alias EFFShort("f", cl::aliasopt(EFF), cl::desc("Alias for --eff"));
// Split by hand rather than with cl::CommaSeparated, which the -N alias
// would not inherit.
static cl::list<std::string> Nodes("nodes", cl::desc("Comma-separated node names (required)"),
                                   cl::OneOrMore, cl::sub(RunCmd), cl::sub(LdfiCmd), cl::cat(Cat));
static cl::alias NodesShort("N", cl::aliasopt(Nodes), cl::desc("Alias for --nodes"));
static cl::opt<int> MaxCrashes("crashes", cl::desc("Crash failures allowed (default 0)"),
                               cl::init(faultline::Bounds().MaxCrashes), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::alias CrashesShort("c", cl::aliasopt(MaxCrashes), cl::desc("Alias for --crashes"));
static cl::opt<int> MaxRestarts(
    "restarts",
    cl::desc("Crashed nodes that may come back, at most once each (default 0)"),
    cl::init(faultline::Bounds().MaxRestarts), cl::sub(RunCmd), cl::sub(LdfiCmd),
    cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<int> TimerSlack(
    "timer-slack",
    cl::desc("How many steps after its deadline a timer may fire (default 0: exactly at it)"),
    cl::init(faultline::Bounds().TimerSlack), cl::sub(RunCmd), cl::sub(LdfiCmd),
    cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<bool> NegativeSupport(
    "negative-support",
    cl::desc("Count what notin subgoals relied on as support, as Molly does (default on; "
             "--negative-support=false turns it off)"),
    cl::init(true), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::cat(Cat));
static cl::opt<bool> Symmetry(
    "symmetry",
    cl::desc("Skip fault sets that a permutation of the nodes fixing the program's facts maps "
             "onto a set already run (default on; --symmetry=false turns it off)"),
    cl::init(true), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<bool> Portfolio(
    "portfolio",
    cl::desc("LDFI: interleave an exhaustive walk of a small crash or loss space with the "
             "search, paid in runs per solver check, and stop at the first verdict (default "
             "on; --portfolio=false turns it off)"),
    cl::init(true), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<double> PortfolioShare(
    "portfolio-share",
    cl::desc("Runs of the portfolio's exhaustive walk per LDFI run and solver check"),
    cl::init(search::SearchOptions().PortfolioShare), cl::sub(LdfiCmd), cl::Hidden,
    cl::cat(Cat));
static cl::opt<uint64_t> MaxStepDerivations(
    "max-step-derivations",
    cl::desc("Stop a run with an error when one time step records more rule firings than this "
             "(default 2000000)"),
    cl::init(faultline::eval::EvalLimits::DefaultMaxStepDerivations), cl::sub(RunCmd),
    cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<uint64_t> MaxTuples(
    "max-tuples",
    cl::desc("Stop a run with an error when it holds more tuples than this (default 10000000)"),
    cl::init(faultline::eval::EvalLimits::DefaultMaxTuples), cl::sub(RunCmd), cl::sub(LdfiCmd),
    cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<uint64_t> MaxMemory(
    "max-memory",
    cl::desc("Stop a run or search with an error when it grows faultline's resident memory by "
             "more than this many megabytes (default 1024)"),
    cl::init(faultline::eval::EvalLimits::DefaultMaxMemory >> 20), cl::sub(RunCmd),
    cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(OutputFormat::Text, "text", "Text"),
               clEnumValN(OutputFormat::JSON, "json", "JSON (run, ldfi)"),
               clEnumValN(OutputFormat::Html, "html",
                          "One self-contained HTML page with diagrams (ldfi)")),
    cl::init(OutputFormat::Text), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::cat(Cat));

// run
static cl::list<std::string> Omit("omit", cl::desc("Lose the messages FROM,TO,TIME (repeatable)"),
                                  cl::sub(RunCmd), cl::cat(Cat));
static cl::list<std::string> CrashAt("crash", cl::desc("Crash NODE,TIME (repeatable)"),
                                     cl::sub(RunCmd), cl::cat(Cat));
static cl::list<std::string> RestartAt(
    "restart", cl::desc("Restart the crashed NODE at TIME: NODE,TIME (repeatable)"),
    cl::sub(RunCmd), cl::cat(Cat));
static cl::list<std::string> DelayTimer(
    "delay-timer",
    cl::desc("Fire the timer TIMER of NODE that is due at DUE only DELAY steps later "
             "(NODE,TIMER,DUE,DELAY; repeatable; needs --timer-slack)"),
    cl::sub(RunCmd), cl::cat(Cat));
static cl::list<std::string> Show("show", cl::desc("Also print these relations at EOT"),
                                  cl::CommaSeparated, cl::sub(RunCmd), cl::cat(Cat));
static cl::opt<bool> AllTimes("all-times",
                              cl::desc("Print the --show relations at every time step"),
                              cl::sub(RunCmd), cl::cat(Cat));

// ldfi
static cl::list<std::string> LdfiFiles(cl::Positional, cl::desc("<file.ded>..."), cl::OneOrMore,
                                       cl::sub(LdfiCmd));
static cl::opt<search::Strategy>
    Strategy("strategy", cl::desc("How to pick the scenarios to run"),
             cl::values(clEnumValN(search::Strategy::LDFI, "ldfi", "Lineage-driven (default)"),
                        clEnumValN(search::Strategy::Random, "random", "Random fault injection"),
                        clEnumValN(search::Strategy::Exhaustive, "exhaustive",
                                   "Every scenario, smallest first")),
             cl::init(search::Strategy::LDFI), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> FindAll("find-all", cl::desc("Keep searching after the first counterexample"),
                             cl::sub(LdfiCmd), cl::cat(Cat));
static cl::alias FindAllMolly("find-all-counterexamples", cl::aliasopt(FindAll),
                              cl::desc("Alias for --find-all"));
static cl::opt<unsigned> MaxRuns("max-runs", cl::desc("Stop after this many executions"),
                                 cl::init(0), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<double> Timeout("timeout", cl::desc("Stop after this many seconds"), cl::init(0),
                               cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<uint64_t> Seed("seed", cl::desc("Seed of the random strategy"), cl::init(1),
                              cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> LineageDot("lineage-dot",
                                       cl::desc("Write each run's lineage graph to DIR/run-N.dot"),
                                       cl::value_desc("DIR"), cl::sub(LdfiCmd), cl::cat(Cat));
static cl::opt<ProgressMode> Progress(
    "progress",
    cl::desc("A progress line for a search (runs, rate, the share of the fault space run, the "
             "time left where known) on standard error"),
    cl::values(clEnumValN(ProgressMode::Auto, "auto",
                          "On a terminal, once a search runs for a second (default)"),
               clEnumValN(ProgressMode::Always, "always", "Anywhere, from the first run"),
               clEnumValN(ProgressMode::Never, "never", "Never")),
    cl::init(ProgressMode::Auto), cl::sub(LdfiCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> ShowRuns("show-runs", cl::desc("List every execution of the search"),
                              cl::sub(LdfiCmd), cl::cat(Cat));

// extract and check: C++ sources and their compilation database
static cl::list<std::string> SourceFiles(cl::Positional, cl::desc("[<source.cpp>...]"),
                                         cl::ZeroOrMore, cl::sub(ExtractCmd), cl::sub(CheckCmd));
static cl::opt<std::string> BuildPath("p", cl::desc("Build folder with compile_commands.json"),
                                      cl::value_desc("BUILD_DIR"), cl::sub(ExtractCmd),
                                      cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::list<std::string> ExtraArgs("extra-arg",
                                       cl::desc("Append this argument to each compile command"),
                                       cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<std::string> IgnoreCalls(
    "ignore-calls",
    cl::desc("Leave out of the model the calls to functions whose qualified name matches this "
             "regular expression (logging, metrics), as if marked FL_IGNORE"),
    cl::value_desc("REGEX"), cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd),
    cl::cat(Cat));
static cl::opt<unsigned> LoopBound(
    "loop-bound",
    cl::desc("Unroll while, do-while and plain for loops in handlers this many iterations; a "
             "run in which a loop would go on stops with an error at the loop (default 8)"),
    cl::value_desc("N"), cl::init(8), cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd),
    cl::cat(Cat));
static cl::opt<std::string> Scenario("scenario", cl::desc("Only this FL_SCENARIO function"),
                                     cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> Shard(
    "shard",
    cl::desc("Check only shard I of N (0 <= I < N): the scenarios, sorted by name, whose rank "
             "modulo N is I (default: Bazel's TEST_SHARD_INDEX of TEST_TOTAL_SHARDS, if set); "
             "`faultline merge` joins the shards' --format json reports"),
    cl::value_desc("I/N"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> SpaceShard(
    "space-shard",
    cl::desc("Search only part J of M (0 <= J < M) of each scenario's fault space, with "
             "--strategy exhaustive or random: the fault sets whose position in the "
             "unsharded search's order is J modulo M; `faultline merge` joins the M "
             "--format json reports into the unsharded search's verdict"),
    cl::value_desc("J/M"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> ListScenarios(
    "list-scenarios",
    cl::desc("Print the names of the scenarios (of the --shard) one a line, without searching"),
    cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> EmitSchedules(
    "emit-schedules",
    cl::desc("Write each counterexample's fault schedule to DIR/<scenario>.json, for the "
             "protocol's replay binary"),
    cl::value_desc("DIR"), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<std::string> FilesRegex(
    "files", cl::desc("Only the database's files whose path matches this regular expression"),
    cl::value_desc("REGEX"), cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<unsigned> Jobs("j", cl::desc("Translation units parsed at once (default: one per "
                                       "core), and, given, scenarios searched at once by check "
                                       "(default: one)"),
                              cl::init(0), cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd), cl::cat(Cat));
static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Parse every translation unit and search every scenario "
                                      "(check), and keep nothing in BUILD_DIR/.faultline-cache"),
                             cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Verbose("v",
                             cl::desc("Say more: per translation unit, whether it was parsed, "
                                      "read from the cache or skipped; the code in handlers that "
                                      "the model leaves out; and (check) every handler "
                                      "that ran in a counterexample, not only those that lead "
                                      "to the failure"),
                             cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::sub(ReviewCmd),
                             cl::cat(Cat));
static cl::alias VerboseLong("verbose", cl::aliasopt(Verbose), cl::desc("Alias for -v"));
static cl::opt<std::string> FromObjects(
    "from-objects",
    cl::desc("Link the extractions the clang plugin wrote next to the object files under DIR, "
             "instead of parsing; or, if DIR is a file, those it lists one a line"),
    cl::value_desc("DIR|LIST"), cl::sub(ExtractCmd), cl::sub(CheckCmd), cl::cat(Cat));
static cl::opt<bool> Fingerprints(
    "fingerprints",
    cl::desc("Print each scenario's model fingerprint (as in the schedules of check "
             "--emit-schedules) instead of its program"),
    cl::sub(ExtractCmd), cl::cat(Cat));
static cl::opt<std::string> Emit(
    "emit",
    cl::desc("What extract writes: 'model' (the default), or 'simulation': the C++ that "
             "describes the protocol to faultline's simulator (docs/runtime.md)"),
    cl::value_desc("model|simulation"), cl::init("model"), cl::sub(ExtractCmd), cl::cat(Cat));
static cl::opt<std::string> Output("o",
                                   cl::desc("Write the model (extract) or the report (check "
                                            "and ldfi --format, review, merge) here (default: "
                                            "stdout)"),
                                   cl::value_desc("FILE"), cl::sub(ExtractCmd), cl::sub(CheckCmd),
                                   cl::sub(LdfiCmd), cl::sub(ReviewCmd), cl::sub(MergeCmd),
                                   cl::cat(Cat));
static cl::opt<ReportFormat> CheckFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(ReportFormat::Text, "text", "Diagnostics (default)"),
               clEnumValN(ReportFormat::SARIF, "sarif", "SARIF 2.1.0"),
               clEnumValN(ReportFormat::Rdjson, "rdjson", "reviewdog's Diagnostic Format"),
               clEnumValN(ReportFormat::CodeQuality, "codequality",
                          "GitLab's Code Quality report"),
               clEnumValN(ReportFormat::JSON, "json", "faultline's findings JSON"),
               clEnumValN(ReportFormat::Markdown, "markdown", "A Markdown comment"),
               clEnumValN(ReportFormat::Html, "html",
                          "One self-contained HTML page with diagrams (check)")),
    cl::init(ReportFormat::Text), cl::sub(CheckCmd), cl::sub(MergeCmd), cl::cat(Cat));

// merge
static cl::list<std::string> MergeFiles(cl::Positional, cl::desc("<shard.json>..."),
                                        cl::OneOrMore, cl::sub(MergeCmd));
// review
static cl::opt<std::string> BaseRev("base", cl::desc("The revision the change starts from"),
                                    cl::value_desc("REV"), cl::Required, cl::sub(ReviewCmd),
                                    cl::cat(Cat));
static cl::opt<std::string> HeadRev("head", cl::desc("The revision under review (default HEAD)"),
                                    cl::value_desc("REV"), cl::init("HEAD"), cl::sub(ReviewCmd),
                                    cl::cat(Cat));
static cl::opt<ReportFormat> ReviewFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(ReportFormat::Markdown, "markdown", "A review comment (default)"),
               clEnumValN(ReportFormat::SARIF, "sarif", "SARIF 2.1.0 with baselineState"),
               clEnumValN(ReportFormat::Rdjson, "rdjson", "reviewdog's Diagnostic Format"),
               clEnumValN(ReportFormat::CodeQuality, "codequality",
                          "GitLab's Code Quality report"),
               clEnumValN(ReportFormat::JSON, "json", "faultline's findings JSON")),
    cl::init(ReportFormat::Markdown), cl::sub(ReviewCmd), cl::cat(Cat));

// Several
static cl::opt<bool> Strict("strict", cl::desc("Treat warnings (negation cycles) as errors"),
                            cl::sub(PrintCmd), cl::sub(RunCmd), cl::sub(LdfiCmd), cl::cat(Cat));

/// The compiler arguments after `--` (extract and check), as clang-tidy
/// takes them.
static std::optional<std::vector<std::string>> FixedArgs;

/// The search options ldfi, check and review share (ldfi adds its own).
static search::SearchOptions searchOptions() {
  search::SearchOptions S;
  S.NegativeSupport = NegativeSupport;
  S.Symmetry = Symmetry;
  S.Portfolio = Portfolio;
  if (LdfiCmd)
    S.PortfolioShare = PortfolioShare;
  S.MaxRuns = MaxRuns;
  S.TimeoutSeconds = Timeout;
  S.Limits.MaxStepDerivations = MaxStepDerivations;
  S.Limits.MaxTuples = MaxTuples;
  S.Limits.MaxMemory = MaxMemory << 20;
  return S;
}

static ScenarioOptions scenarioOptions(const std::vector<std::string> &Files) {
  ScenarioOptions S;
  S.Files = Files;
  S.Bounds.EOT = EOT;
  S.Bounds.EFF = EFF;
  S.Bounds.MaxCrashes = MaxCrashes;
  S.Bounds.MaxRestarts = MaxRestarts;
  S.Bounds.TimerSlack = TimerSlack;
  for (const std::string &List : Nodes) {
    SmallVector<StringRef, 8> Names;
    StringRef(List).split(Names, ',');
    for (StringRef N : Names)
      S.Bounds.Nodes.push_back(N.trim().str());
  }
  S.Strict = Strict;
  S.Format = Format;
  S.Output = Output;
  return S;
}

#ifdef FAULTLINE_CXX_COMMANDS
/// check's and review's --timeout also bounds their extraction, counted
/// from now.
static std::optional<frontend::ExtractionDeadline> extractionDeadline() {
  if (!Timeout.getNumOccurrences())
    return std::nullopt;
  frontend::ExtractionDeadline D;
  D.Seconds = Timeout;
  D.At = frontend::ExtractionDeadline::Clock::now() +
         std::chrono::duration_cast<frontend::ExtractionDeadline::Clock::duration>(
             std::chrono::duration<double>(Timeout));
  return D;
}

/// check's and review's search: the scenario's bounds unless overridden.
static faultline::check::SearchSettings searchSettings() {
  faultline::check::SearchSettings S;
  if (EOT.getNumOccurrences())
    S.EOT = EOT;
  if (EFF.getNumOccurrences())
    S.EFF = EFF;
  if (MaxCrashes.getNumOccurrences())
    S.Crashes = MaxCrashes;
  if (MaxRestarts.getNumOccurrences())
    S.Restarts = MaxRestarts;
  if (TimerSlack.getNumOccurrences())
    S.TimerSlack = TimerSlack;
  S.Options = searchOptions();
  return S;
}
#endif

#ifdef FAULTLINE_CXX_COMMANDS
/// check's shard: --shard, else Bazel's test sharding (TEST_TOTAL_SHARDS
/// and TEST_SHARD_INDEX), whose TEST_SHARD_STATUS_FILE is touched to say
/// that check shards. False after an error (printed).
static bool checkShard(std::optional<faultline::report::FindingsReport::ShardInfo> &Out) {
  std::string Error;
  const char *Total = std::getenv("TEST_TOTAL_SHARDS");
  if (const char *Status = std::getenv("TEST_SHARD_STATUS_FILE"); Status && Total) {
    int FD = -1;
    if (std::error_code EC = sys::fs::openFileForWrite(Status, FD, sys::fs::CD_OpenAlways)) {
      errs() << "faultline: error: cannot touch TEST_SHARD_STATUS_FILE " << Status << ": "
             << EC.message() << "\n";
      return false;
    }
    sys::fs::closeFile(FD);
  }
  if (Shard.getNumOccurrences()) {
    Out = parseShard(Shard, Error);
    if (!Out)
      errs() << "faultline: error: --shard: " << Error << "\n";
    return Out.has_value();
  }
  if (!Total)
    return true;
  const char *Index = std::getenv("TEST_SHARD_INDEX");
  std::string Text = std::string(Index ? Index : "") + "/" + Total;
  Out = parseShard(Text, Error);
  if (!Out)
    errs() << "faultline: error: TEST_SHARD_INDEX/TEST_TOTAL_SHARDS: " << Error << "\n";
  return Out.has_value();
}
#endif

#ifdef FAULTLINE_CXX_COMMANDS
/// check's --space-shard, into Options. False after an error (printed).
static bool checkSpaceShard(faultline::search::SearchOptions &Options) {
  if (!SpaceShard.getNumOccurrences())
    return true;
  std::string Error;
  auto S = parseShard(SpaceShard, Error);
  if (!S) {
    errs() << "faultline: error: --space-shard: " << Error << "\n";
    return false;
  }
  if (Options.Strat == search::Strategy::LDFI) {
    errs() << "faultline: error: --space-shard splits an exhaustive or random search (each "
              "LDFI run's lineage picks the next): add --strategy exhaustive or --strategy "
              "random, or split by scenario with --shard\n";
    return false;
  }
  Options.SpaceShard = S->Index;
  Options.SpaceShards = S->Count;
  return true;
}
#endif

/// The limits are given to bound the work: 0 (or NaN, which compares
/// false with everything) would silently mean "no limit", so they are
/// rejected rather than guessed at.
static bool checkLimitOptions() {
  auto Bad = [](const std::string &Message) {
    errs() << "faultline: error: " << Message << "\n";
    return false;
  };
  if (Timeout.getNumOccurrences() && !(std::isfinite(Timeout) && Timeout > 0))
    return Bad("--timeout must be a positive number of seconds (got " + std::to_string(Timeout) +
               ")");
  if (MaxRuns.getNumOccurrences() && MaxRuns == 0)
    return Bad("--max-runs must be at least 1");
  if (MaxStepDerivations.getNumOccurrences() && MaxStepDerivations == 0)
    return Bad("--max-step-derivations must be at least 1");
  if (MaxTuples.getNumOccurrences() && MaxTuples == 0)
    return Bad("--max-tuples must be at least 1");
  if (MaxMemory.getNumOccurrences() && (MaxMemory == 0 || MaxMemory > (uint64_t(1) << 40)))
    return Bad("--max-memory must be a number of megabytes from 1 to 2^40");
  return true;
}

/// Which command takes which --format; ldfi's -o is for a page.
static bool checkFormatOptions() {
  auto Bad = [](const std::string &Message) {
    errs() << "faultline: error: " << Message << "\n";
    return false;
  };
  if (RunCmd && Format == OutputFormat::Html)
    return Bad("--format html is for ldfi and check; run takes text or json");
  if (LdfiCmd && Output.getNumOccurrences() && Format != OutputFormat::Html)
    return Bad("-o is for the page of --format html");
  return true;
}

static int dispatch() {
  if (!checkLimitOptions() || !checkFormatOptions())
    return ExitBadInput;
  if (PrintCmd) {
    faultline::tool::PrintOptions O;
    O.Files.assign(PrintFiles.begin(), PrintFiles.end());
    O.WithLocations = WithLocations;
    O.Strict = Strict;
    return printCommand(O);
  }
  if (RunCmd) {
    RunOptions O;
    static_cast<ScenarioOptions &>(O) = scenarioOptions({RunFiles.begin(), RunFiles.end()});
    O.Omissions.assign(Omit.begin(), Omit.end());
    O.Crashes.assign(CrashAt.begin(), CrashAt.end());
    O.Restarts.assign(RestartAt.begin(), RestartAt.end());
    O.TimerDelays.assign(DelayTimer.begin(), DelayTimer.end());
    O.Show.assign(Show.begin(), Show.end());
    O.AllTimes = AllTimes;
    O.NegativeSupport = NegativeSupport;
    O.Limits.MaxStepDerivations = MaxStepDerivations;
    O.Limits.MaxTuples = MaxTuples;
    O.Limits.MaxMemory = MaxMemory << 20;
    return runCommand(O);
  }
  if (LdfiCmd) {
    LdfiOptions O;
    static_cast<ScenarioOptions &>(O) = scenarioOptions({LdfiFiles.begin(), LdfiFiles.end()});
    O.Search = searchOptions();
    O.Search.Strat = Strategy;
    O.Search.FindAll = FindAll;
    O.Search.Seed = Seed;
    O.Search.LineageDotDir = LineageDot;
    O.ShowRuns = ShowRuns;
    O.Progress = Progress;
    return ldfiCommand(O);
  }
#ifdef FAULTLINE_CXX_COMMANDS
  if (ExtractCmd || CheckCmd) {
    SourceOptions Src;
    frontend::ExtractOptions &F = Src.Frontend;
    F.BuildPath = BuildPath;
    F.Files.assign(SourceFiles.begin(), SourceFiles.end());
    F.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
    F.IgnoreCalls = IgnoreCalls;
    F.LoopBound = LoopBound;
    F.FixedArgs = FixedArgs;
    F.FilesRegex = FilesRegex;
    F.Jobs = Jobs;
    F.UseCache = !NoCache;
    F.Verbose = Verbose;
    Src.Scenario = Scenario;
    Src.FromObjects = FromObjects;
    if (ExtractCmd) {
      ExtractOptions O;
      static_cast<SourceOptions &>(O) = Src;
      O.Output = Output;
      O.Fingerprints = Fingerprints;
      O.Emit = Emit;
      return extractCommand(O);
    }
    CheckOptions O;
    F.Deadline = extractionDeadline();
    static_cast<SourceOptions &>(O) = Src;
    static_cast<faultline::check::SearchSettings &>(O) = searchSettings();
    O.EmitSchedules = EmitSchedules;
    O.Format = CheckFormat;
    O.Output = Output;
    O.Progress = Progress;
    O.ListScenarios = ListScenarios;
    O.Options.Strat = Strategy;
    O.Options.Seed = Seed;
    if (!checkShard(O.Shard) || !checkSpaceShard(O.Options))
      return ExitBadInput;
    return checkCommand(O);
  }
  if (MergeCmd) {
    MergeOptions O;
    O.Files.assign(MergeFiles.begin(), MergeFiles.end());
    O.Format = CheckFormat;
    O.Output = Output;
    return mergeCommand(O);
  }
  if (ReviewCmd) {
    ReviewOptions O;
    O.Base = BaseRev;
    O.Head = HeadRev;
    O.BuildPath = BuildPath;
    O.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
    O.IgnoreCalls = IgnoreCalls;
    O.LoopBound = LoopBound;
    O.Jobs = Jobs;
    O.Verbose = Verbose;
    O.Deadline = extractionDeadline();
    static_cast<faultline::check::SearchSettings &>(O) = searchSettings();
    O.Format = ReviewFormat;
    O.Output = Output;
    return reviewCommand(O);
  }
#endif
  errs() << "faultline: error: no command given; try 'faultline --help'\n";
  return ExitBadInput;
}

#ifndef FAULTLINE_CXX_COMMANDS
/// Runs faultline-cxx, next to this executable, with these arguments (the
/// program name kept, so its messages still say `faultline`); returns only
/// if it cannot.
static int execCxxCommands(char **argv) {
  std::string Self = sys::fs::getMainExecutable(argv[0], (void *)&execCxxCommands);
  SmallString<256> Path(sys::path::parent_path(Self));
  sys::path::append(Path, "faultline-cxx");
  execv(Path.c_str(), argv);
  // Before printing, which may set errno itself.
  std::string Why = sys::StrError();
  errs() << "faultline: error: cannot run " << Path << " for the '" << argv[1]
         << "' command: " << Why << "\n";
  return ExitInternal;
}
#endif

int main(int argc, char **argv) {
#ifndef FAULTLINE_CXX_COMMANDS
  // Before anything else: the C++ commands load Clang, which print, run and
  // ldfi do not pay for (docs/design.md, "Start-up").
  if (argc > 1 && llvm::any_of(std::initializer_list<const cl::SubCommand *>{
                                   &ExtractCmd, &CheckCmd, &ReviewCmd, &MergeCmd},
                               [&](const cl::SubCommand *C) { return C->getName() == argv[1]; }))
    return execCxxCommands(argv);
#endif
  InitLLVM X(argc, argv);
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      FixedArgs.emplace(argv + I + 1, argv + argc);
      argc = I;
      break;
    }
  cl::HideUnrelatedOptions(Cat);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "faultline version " FAULTLINE_VERSION "\n"
       << "  built with LLVM " LLVM_VERSION_STRING "\n";
  });
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "faultline: lineage-driven fault injection for C++ protocols\n",
                                   &errs()))
    return ExitBadInput;
  try {
    return dispatch();
  } catch (const std::exception &E) {
    errs() << "faultline: internal error: " << E.what() << "\n";
    return ExitInternal;
  }
}
