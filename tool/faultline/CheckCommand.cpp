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
// A scenario whose model (with its locations), bounds and search options
// were searched before by this faultline version is not searched again:
// VerdictStore.h keeps what check printed of it, and check prints that,
// marked as cached.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "GitRevisions.h"
#include "VerdictStore.h"

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
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <future>

namespace faultline::tool {

namespace {

/// The schedule of each counterexample of a search, as --emit-schedules
/// writes them (DIR/<scenario>.json, then DIR/<scenario>-N.json).
std::vector<std::string> scheduleDocs(const frontend::ExtractedModel &M, const Bounds &B,
                                      const search::SearchResult &R,
                                      const eval::SymbolTable &Syms) {
  std::vector<std::string> Docs;
  for (const search::Counterexample &C : R.Found) {
    std::vector<std::string> Violated;
    if (C.Run)
      Violated = report::violatedInvariants(*C.Run, Syms);
    Docs.push_back(report::scheduleToJSON(M.Scenario.Name, report::modelFingerprint(M.program()),
                                          B, C.Faults, Violated));
  }
  return Docs;
}

/// Writes DIR/<scenario>.json for the first counterexample of a search
/// (DIR/<scenario>-N.json for the N-th), and removes the schedules an
/// earlier check left that this one does not replace (all of them when the
/// scenario is certified), so that DIR holds the scenario's counterexamples
/// as now known. A search that found none and certified nothing (a limit
/// ended it) proves no earlier counterexample wrong: their schedules stay,
/// with a note. False after an error (printed).
bool writeSchedules(const std::string &Dir, const frontend::ExtractedModel &M,
                    const StoredVerdict &V) {
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
  if (V.Schedules.empty() && V.Verdict != report::verdictName(search::Verdict::Certified)) {
    if (llvm::sys::fs::exists(PathOf(1)))
      llvm::errs() << fmt::format("faultline: note: scenario '{}': the search found no "
                                  "counterexample but did not finish; {} from an earlier check "
                                  "is kept\n",
                                  M.DisplayName, PathOf(1));
    return true;
  }
  // Those of an earlier check beyond the ones written now.
  for (size_t N = V.Schedules.size() + 1; llvm::sys::fs::exists(PathOf(N)); ++N)
    llvm::sys::fs::remove(PathOf(N));
  for (size_t I = 0; I < V.Schedules.size(); ++I) {
    std::string Path = PathOf(I + 1);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "faultline: error: cannot write " << Path << ": " << EC.message() << "\n";
      return false;
    }
    OS << V.Schedules[I] << "\n";
    llvm::outs() << fmt::format("scenario '{}': fault schedule written to {}\n", M.DisplayName,
                                Path);
  }
  return true;
}

/// Everything check prints of a searched scenario, in any format but
/// html, as the verdict store keeps it.
StoredVerdict outputOf(const check::SearchedScenario &S, const frontend::ExtractedModel &M,
                       const search::SearchOptions &Opts) {
  StoredVerdict V;
  V.HasOutput = true;
  V.Verdict = report::verdictName(S.R.V);
  V.Detail = S.verdictText();
  bool Sharded = Opts.SpaceShards > 1;
  if (Sharded) {
    V.Space = report::SpaceShardSummary{Opts.SpaceShard, Opts.SpaceShards, S.R.Runs, {}};
    if (!S.R.Found.empty())
      V.Space->First = S.R.Found.front().Position;
    V.Detail += fmt::format(" [space shard {}/{}: this part of the fault space only; "
                            "`faultline merge` joins the shards]",
                            Opts.SpaceShard, Opts.SpaceShards);
  }
  std::vector<const search::Counterexample *> Reported = S.reported();
  for (const search::Counterexample *C : Reported) {
    V.Findings.push_back(check::findingOf(S, *C, [](const std::string &P) { return P; }));
    if (Sharded)
      V.Findings.back().Position = C->Position;
  }
  auto Diagnostics = [&](bool Verbose) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    ir::DiagnosticEngine D(OS);
    D.setProgram(&S.Program);
    for (unsigned I = 1; I < S.Program.Files.size(); ++I)
      if (auto Buffer = llvm::MemoryBuffer::getFile(S.Program.Files[I]))
        D.addSourceText(I, (*Buffer)->getBuffer().str());
    S.warnVacuous(D);
    for (const search::Counterexample *C : Reported)
      check::diagnoseCounterexample(S, *C, D, Verbose);
    return Text;
  };
  V.Text = Diagnostics(false);
  V.VerboseText = Diagnostics(true);
  // The files whose lines the diagnostics quote (each diagnostic starts
  // with its file's name).
  for (unsigned I = 1; I < S.Program.Files.size(); ++I) {
    const std::string &File = S.Program.Files[I];
    llvm::StringRef Text(V.VerboseText);
    if (Text.starts_with(File + ":") || Text.contains("\n" + File + ":"))
      V.Sources.emplace_back(File, contentsHash(File));
  }
  V.Schedules = scheduleDocs(M, S.B, S.R, S.Ev->symbols());
  return V;
}

/// A stored verdict check can print: one it stored itself, whose quoted
/// files are unchanged.
bool printable(const StoredVerdict &V) {
  return V.HasOutput && llvm::all_of(V.Sources, [](const auto &Source) {
           return contentsHash(Source.first) == Source.second;
         });
}

/// Where check keeps its verdicts: BUILD_DIR/.faultline-cache (as the
/// extraction cache), or, with --from-objects, .faultline-cache in that
/// folder (or the list's); nowhere without a build folder or with
/// --no-cache.
std::string verdictCacheDir(const CheckOptions &Opts) {
  const frontend::ExtractOptions &F = Opts.Frontend;
  if (!F.UseCache)
    return "";
  llvm::SmallString<256> Dir;
  if (!Opts.FromObjects.empty()) {
    Dir = Opts.FromObjects;
    if (!llvm::sys::fs::is_directory(Dir)) {
      Dir = llvm::sys::path::parent_path(Opts.FromObjects);
      if (Dir.empty())
        Dir = ".";
    }
  } else if (!F.FixedArgs && !F.BuildPath.empty()) {
    Dir = F.BuildPath;
  } else {
    return "";
  }
  llvm::sys::path::append(Dir, ".faultline-cache", "verdicts");
  return std::string(Dir);
}

/// Searches Model as searchScenario does, with a progress line.
std::optional<check::SearchFailure> searchWithProgress(const CheckOptions &Opts,
                                                       const frontend::ExtractedModel &Model,
                                                       check::SearchedScenario &Out,
                                                       llvm::raw_ostream &Errs = llvm::errs()) {
  SearchShape Shape;
  Shape.Name = "scenario '" + Model.DisplayName + "'";
  Shape.MaxRuns = Opts.Options.MaxRuns;
  Shape.TimeoutSeconds = Opts.Options.TimeoutSeconds;
  SearchProgress Progress(Opts.Progress, Shape);
  check::SearchSettings Settings = Opts;
  Settings.Options.OnProgress = [&Progress](const search::Progress &P) { Progress.update(P); };
  return check::searchScenario(Model, Settings, Out, Errs);
}

/// One scenario's search as check prints it, or why it failed, with the
/// diagnostics it printed (when buffered).
struct SearchOutcome {
  std::optional<check::SearchFailure> Failure;
  std::string Errors;
  StoredVerdict V;
  bool TimedOut = false; ///< Not kept: another run might finish it.
};

/// The searches of the scenarios the verdict store does not answer: with
/// an explicit -j N above 1, N at once on a thread pool, their diagnostics
/// buffered, each taken in the models' order, so that the output is the
/// one a search at a time prints; otherwise (the default) each when it is
/// taken. Not one per core by default, as parsing is: on the loaded 2-core
/// VM two searches at once cost a third more CPU time than one after the
/// other (docs/user-guide.md, "Searches at once"). After a failure, the
/// searches not yet begun are not.
class Searches {
public:
  Searches(const CheckOptions &Opts, const std::vector<frontend::ExtractedModel> &Models,
           const std::vector<bool> &ToSearch)
      : Opts(Opts), Models(Models), Futures(Models.size()) {
    size_t Count = llvm::count(ToSearch, true);
    unsigned Threads = Opts.Frontend.Jobs; // 0: -j not given
    if (Count < 2 || Threads < 2)
      return;
    Pool.emplace(llvm::hardware_concurrency(std::min<size_t>(Threads, Count)));
    for (size_t I = 0; I < Models.size(); ++I)
      if (ToSearch[I])
        Futures[I] = Pool->async([this, I] {
          if (Stop)
            return SearchOutcome{check::SearchFailure::BadInput, "", {}, false};
          return run(this->Models[I], /*Buffered=*/true);
        });
  }
  ~Searches() {
    Stop = true; // what is not begun yet is not needed
  }

  SearchOutcome take(size_t I) {
    SearchOutcome O = Pool ? Futures[I].get() : run(Models[I], /*Buffered=*/false);
    if (O.Failure)
      Stop = true;
    return O;
  }

private:
  SearchOutcome run(const frontend::ExtractedModel &Model, bool Buffered) {
    SearchOutcome O;
    llvm::raw_string_ostream Buffer(O.Errors);
    check::SearchedScenario S;
    llvm::raw_ostream &Errs = Buffered ? static_cast<llvm::raw_ostream &>(Buffer) : llvm::errs();
    O.Failure = searchWithProgress(Opts, Model, S, Errs);
    if (!O.Failure) {
      O.V = outputOf(S, Model, Opts.Options);
      O.TimedOut = S.R.StopReason == "timeout";
    }
    return O;
  }

  const CheckOptions &Opts;
  const std::vector<frontend::ExtractedModel> &Models;
  std::vector<std::shared_future<SearchOutcome>> Futures;
  std::atomic<bool> Stop{false};
  // Last: destroyed (waiting for the searches under way) first.
  std::optional<llvm::DefaultThreadPool> Pool;
};

} // namespace

std::string sourceRoot() {
  std::string Error;
  if (auto Repo = GitRepository::find(Error))
    return Repo->root();
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

std::optional<report::FindingsReport::ShardInfo> parseShard(llvm::StringRef Text,
                                                            std::string &Error) {
  auto [I, N] = Text.split('/');
  report::FindingsReport::ShardInfo S;
  if (I.trim().getAsInteger(10, S.Index) || N.trim().getAsInteger(10, S.Count) ||
      S.Count == 0 || S.Index >= S.Count) {
    Error = fmt::format("'{}' is not a shard: I/N with 0 <= I < N (such as 0/4)", Text.str());
    return std::nullopt;
  }
  return S;
}

/// Where a structured report goes: Output (empty or "-": standard output).
int writeStructured(const std::string &Output, const report::FindingsReport &Report,
                    report::ReportFormat Format) {
  if (Output.empty() || Output == "-") {
    report::writeReport(llvm::outs(), Report, Format);
    return ExitOk;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Output, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    llvm::errs() << "faultline: error: cannot write " << Output << ": " << EC.message() << "\n";
    return ExitBadInput;
  }
  report::writeReport(OS, Report, Format);
  return ExitOk;
}

/// Keeps the models of Shard: sorted by name, those whose rank modulo its
/// count is its index. A scenario's shard depends on the names of all.
static void keepShard(std::vector<frontend::ExtractedModel> &Models,
                      const report::FindingsReport::ShardInfo &Shard) {
  std::vector<std::string> Names;
  for (const frontend::ExtractedModel &M : Models)
    Names.push_back(M.DisplayName);
  std::sort(Names.begin(), Names.end());
  llvm::erase_if(Models, [&](const frontend::ExtractedModel &M) {
    size_t Rank = std::lower_bound(Names.begin(), Names.end(), M.DisplayName) - Names.begin();
    return Rank % Shard.Count != Shard.Index;
  });
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
  std::optional<report::FindingsReport::ShardInfo> Shard = Opts.Shard;
  if (Shard) {
    Shard->Total = static_cast<unsigned>(Models->size());
    keepShard(*Models, *Shard);
    llvm::errs() << fmt::format("faultline: shard {}/{}: {} of {} scenario{}\n", Shard->Index,
                                Shard->Count, Models->size(), Shard->Total,
                                Shard->Total == 1 ? "" : "s");
  }
  if (Opts.ListScenarios) {
    for (const frontend::ExtractedModel &M : *Models)
      llvm::outs() << M.DisplayName << "\n";
    return ExitOk;
  }
  bool Text = Opts.Format == report::ReportFormat::Text;
  // With --format html the page is the report: no notes, and the verdict
  // lines only when the page goes to a file.
  bool Html = Opts.Format == report::ReportFormat::Html;
  bool PageToStdout = Opts.Output.empty() || Opts.Output == "-";
  report::HtmlReport Page("faultline check");
  report::FindingsReport Report;
  Report.ToolVersion = frontend::Version;
  Report.Shard = Shard;
  if (Opts.Options.SpaceShards > 1)
    Report.SpaceShard = {Opts.Options.SpaceShard, Opts.Options.SpaceShards, 0};
  if (!Text && !Html)
    Report.SourceRoot = sourceRoot();
  std::string CacheDir = Html ? "" : verdictCacheDir(Opts);
  std::optional<VerdictStore> Store;
  if (!CacheDir.empty())
    Store.emplace(CacheDir);
  bool Found = false;
  unsigned Searched = 0, Cached = 0;
  // The stored verdicts of the same models, bounds and options; the others
  // are searched (the page needs the runs themselves: it always searches).
  check::PathMapper AsSeen = [](const std::string &P) { return P; };
  std::vector<std::string> Keys(Models->size());
  std::vector<std::optional<StoredVerdict>> Stored(Models->size());
  std::vector<bool> ToSearch(Models->size(), !Html);
  for (size_t I = 0; Store && I < Models->size(); ++I) {
    // With the fingerprint the schedules carry (and a replay checks): it
    // follows the order the fragments were linked in, which modelText
    // does not.
    Keys[I] = modelText((*Models)[I], Opts, &AsSeen) + "fingerprint " +
              report::modelFingerprint((*Models)[I].program()) + "\n";
    Stored[I] = Store->lookup(Keys[I]);
    if (Stored[I] && printable(*Stored[I]))
      ToSearch[I] = false;
    else
      Stored[I].reset();
  }
  Searches Pending(Opts, *Models, ToSearch);
  for (size_t I = 0; I < Models->size(); ++I) {
    const frontend::ExtractedModel &Model = (*Models)[I];
    if (Html) {
      check::SearchedScenario S;
      if (auto Failure = searchWithProgress(Opts, Model, S))
        return exitCodeOf(*Failure);
      ++Searched;
      std::vector<const search::Counterexample *> Reported = S.reported();
      Found |= !Reported.empty();
      report::ScenarioReport SR;
      SR.Name = Model.DisplayName;
      SR.Ev = S.Ev.get();
      SR.Bounds = S.B;
      SR.Result = &S.R;
      SR.Strat = Opts.Options.Strat;
      SR.Suppressed = S.R.V == search::Verdict::Counterexample && Reported.empty();
      SR.Story = [&S](const eval::Run &R) { return check::storyOf(S, R); };
      SR.Describe = [&S](const eval::Tuple &Pre, int EOT) {
        return check::describeViolation(S, Pre, EOT);
      };
      SR.MessageText = [&S](const eval::Message &M) { return check::messageText(S, M); };
      Page.addScenario(SR);
      if (!PageToStdout)
        llvm::outs() << fmt::format("scenario '{}': {}\n", Model.DisplayName, S.verdictText());
      if (!Opts.EmitSchedules.empty() &&
          !writeSchedules(Opts.EmitSchedules, Model, outputOf(S, Model, Opts.Options)))
        return ExitBadInput;
      continue;
    }
    bool FromStore = Stored[I].has_value();
    std::optional<StoredVerdict> V = std::move(Stored[I]);
    if (!FromStore) {
      SearchOutcome O = Pending.take(I);
      llvm::errs() << O.Errors;
      if (O.Failure)
        return exitCodeOf(*O.Failure);
      V = std::move(O.V);
      if (Store && !O.TimedOut)
        Store->store(Keys[I], *V);
    }
    ++(FromStore ? Cached : Searched);
    Found |= !V->Findings.empty();
    if (Text) {
      llvm::outs() << (Opts.Frontend.Verbose ? V->VerboseText : V->Text);
      llvm::outs() << fmt::format("scenario '{}': {}{}\n", Model.DisplayName, V->Detail,
                                  FromStore ? " [cached verdict, not searched]" : "");
    } else {
      report::ScenarioSummary Sum{Model.DisplayName, V->Verdict, V->Detail, "", false};
      Sum.Cached = FromStore;
      Sum.Space = V->Space;
      Report.Scenarios.push_back(std::move(Sum));
      Report.Findings.insert(Report.Findings.end(), V->Findings.begin(), V->Findings.end());
    }
    if (!Opts.EmitSchedules.empty() && !writeSchedules(Opts.EmitSchedules, Model, *V))
      return ExitBadInput;
  }
  if (Opts.Frontend.Verbose)
    llvm::errs() << fmt::format("faultline: {} scenario{}: {} searched, {} from the verdict "
                                "cache{}\n",
                                Searched + Cached, Searched + Cached == 1 ? "" : "s", Searched,
                                Cached, Store ? "" : " (none kept: --no-cache or no build folder)");
  if (Html && !writeHtml(Page, Opts.Output))
    return ExitBadInput;
  if (!Text && !Html)
    if (int Exit = writeStructured(Opts.Output, Report, Opts.Format))
      return Exit;
  return Found ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
