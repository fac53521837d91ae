//===- ReviewCommand.cpp - faultline review: what a change does -----------===//
//
// Reads the base and head revisions into scratch copies (the user's checkout
// and .git are only read), extracts both with the build folder's compile
// commands, and compares each scenario's model. A scenario whose model
// (program, bounds, handlers, invariants) is the same in both keeps its
// verdict: it is searched at most once, never when an earlier review or
// check stored the search of that model. A changed scenario is searched in
// both revisions, a new one in head. Their findings are classified by
// fingerprint as introduced, fixed or still present; the exit code is 1 iff
// something was introduced.
//
// The scratch copies live at fixed paths under BUILD/.faultline-cache/review
// (locked against a concurrent review, removed at the end), so that the
// extraction cache answers for the translation units a change did not touch.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "GitRevisions.h"
#include "ReviewDatabase.h"
#include "VerdictStore.h"

#include "faultline/Check/Explain.h"
#include "faultline/Frontend/Frontend.h"
#include "faultline/Report/ReviewDiff.h"
#include "faultline/Report/SearchReport.h"
#include "faultline/Report/Writers.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace faultline::tool {

namespace {

int badInput(const std::string &Message) {
  llvm::errs() << "faultline: error: " << Message << "\n";
  return ExitBadInput;
}

/// One revision, copied and extracted.
struct Side {
  const char *Name; ///< "base" or "head"
  std::string Rev, Commit, Tree;
  std::vector<frontend::ExtractedModel> Models;

  /// A path of the copy relative to the repository root; others unchanged.
  std::string mapPath(const std::string &Path) const {
    llvm::StringRef P(Path);
    if (P.starts_with(Tree + "/"))
      return P.drop_front(Tree.size() + 1).str();
    return Path;
  }
  const frontend::ExtractedModel *find(const std::string &Name) const {
    for (const frontend::ExtractedModel &M : Models)
      if (M.DisplayName == Name)
        return &M;
    return nullptr;
  }
};

class Reviewer {
public:
  Reviewer(const ReviewOptions &Opts, std::string CacheDir)
      : Opts(Opts), Store(CacheDir + "/verdicts") {}

  /// The stored or new search of M; an exit code after an error.
  std::optional<int> verdictOf(const Side &S, const frontend::ExtractedModel &M,
                               StoredVerdict &Out, bool &Carried) {
    check::PathMapper Map = [&](const std::string &P) { return S.mapPath(P); };
    std::string Key = modelText(M, Opts, &Map);
    if (auto Stored = Store.lookup(Key)) {
      Out = std::move(*Stored);
      Carried = true;
      return std::nullopt;
    }
    check::SearchedScenario Searched;
    if (auto Failure = check::searchScenario(M, Opts, Searched))
      return exitCodeOf(*Failure);
    Out.Verdict = report::verdictName(Searched.R.V);
    Out.Detail = Searched.verdictText();
    Out.Findings.clear();
    for (const search::Counterexample *C : Searched.reported())
      Out.Findings.push_back(check::findingOf(Searched, *C, Map));
    Store.store(Key, Out);
    Carried = false;
    ++Searches;
    return std::nullopt;
  }

  /// Compares the revisions scenario by scenario into R.
  std::optional<int> compare(const Side &Base, const Side &Head, report::FindingsReport &R) {
    std::vector<report::Finding> BaseFindings, HeadFindings;
    for (const frontend::ExtractedModel &M : Head.Models) {
      const frontend::ExtractedModel *Old = Base.find(M.DisplayName);
      report::ScenarioSummary Sum;
      Sum.Name = M.DisplayName;
      StoredVerdict HeadV;
      bool HeadCarried = false;
      if (!Old) {
        Sum.Change = "new";
      } else if (modelText(*Old, Opts, nullptr) == modelText(M, Opts, nullptr)) {
        Sum.Change = "unchanged";
      } else {
        Sum.Change = "changed";
        StoredVerdict BaseV;
        bool BaseCarried = false;
        if (auto Exit = verdictOf(Base, *Old, BaseV, BaseCarried))
          return Exit;
        BaseFindings.insert(BaseFindings.end(), BaseV.Findings.begin(), BaseV.Findings.end());
      }
      if (auto Exit = verdictOf(Head, M, HeadV, HeadCarried))
        return Exit;
      // An unchanged model's findings are the base's too.
      if (Sum.Change == "unchanged")
        BaseFindings.insert(BaseFindings.end(), HeadV.Findings.begin(), HeadV.Findings.end());
      HeadFindings.insert(HeadFindings.end(), HeadV.Findings.begin(), HeadV.Findings.end());
      Sum.Verdict = HeadV.Verdict;
      Sum.Detail = HeadV.Detail;
      Sum.Carried = Sum.Change == "unchanged" && HeadCarried;
      if (Opts.Verbose)
        llvm::errs() << fmt::format("faultline: scenario '{}': {} model, {}{}\n", Sum.Name,
                                    Sum.Change, Sum.Detail,
                                    HeadCarried ? " (stored verdict, not searched)" : "");
      R.Scenarios.push_back(std::move(Sum));
    }
    for (const frontend::ExtractedModel &M : Base.Models)
      if (!Head.find(M.DisplayName))
        R.Scenarios.push_back({M.DisplayName, "removed", "", "removed", false});
    R.Findings = report::classifyFindings(std::move(BaseFindings), std::move(HeadFindings));
    return std::nullopt;
  }

  unsigned searches() const { return Searches; }

private:
  const ReviewOptions &Opts;
  VerdictStore Store;
  unsigned Searches = 0;
};

} // namespace

int reviewCommand(const ReviewOptions &Opts) {
  if (Opts.BuildPath.empty())
    return badInput("review needs the build folder: -p BUILD_DIR");
  std::string Error;
  auto Repo = GitRepository::find(Error);
  if (!Repo)
    return badInput(Error);
  Side Base{"base", Opts.Base, "", "", {}}, Head{"head", Opts.Head, "", "", {}};
  for (Side *S : {&Base, &Head}) {
    auto Commit = Repo->resolve(S->Rev);
    if (!Commit)
      return badInput(fmt::format(
          "--{}: '{}' names no commit in the repository at {}{}", S->Name, S->Rev, Repo->root(),
          Repo->isShallow()
              ? std::string(" (this is a shallow clone, which has only the commits it "
                            "fetched: fetch that revision first, with `git fetch --depth=1 origin "
                            "BRANCH:refs/remotes/origin/BRANCH` and then `--base origin/BRANCH`, "
                            "`git fetch --depth=1 origin tag TAG`, or `git fetch --unshallow`; in "
                            "GitHub Actions, `fetch-depth: 0`; see docs/ci.md)")
              : std::string()));
    S->Commit = *Commit;
  }
  // The checked-out commit with uncommitted changes: the user would think
  // those changes reviewed, and the build folder's database may describe
  // them rather than the commit.
  if (auto Checkout = Repo->resolve("HEAD"); Checkout && *Checkout == Head.Commit) {
    std::vector<std::string> Dirty = Repo->dirtyFiles();
    if (!Dirty.empty())
      return badInput(fmt::format(
          "--head {} is the checked-out commit, and the working tree has uncommitted changes "
          "({}{}): they would not be reviewed; commit or stash them",
          Opts.Head, fmt::join(Dirty.begin(), Dirty.begin() + std::min<size_t>(Dirty.size(), 3), ", "),
          Dirty.size() > 3 ? ", ..." : ""));
  }
  auto DB = ReviewDatabase::load(Opts.BuildPath, Repo->root(), Error);
  if (!DB)
    return badInput(Error);
  std::vector<std::string> Sources = DB->sources();
  if (Sources.empty())
    return badInput(fmt::format("{}/compile_commands.json compiles no file of the repository at {}",
                                Opts.BuildPath, Repo->root()));

  // The scratch copies, one review at a time per build folder.
  // Absolute: the copied database names the copies from another folder.
  llvm::SmallString<256> Build(Opts.BuildPath);
  llvm::sys::fs::make_absolute(Build);
  llvm::sys::path::remove_dots(Build, /*remove_dot_dot=*/true);
  std::string CacheDir = std::string(Build) + "/.faultline-cache";
  std::string Scratch = CacheDir + "/review";
  if (std::error_code EC = llvm::sys::fs::create_directories(Scratch))
    return badInput("cannot create " + Scratch + ": " + EC.message());
  int LockFD = -1;
  if (llvm::sys::fs::openFileForWrite(Scratch + ".lock", LockFD, llvm::sys::fs::CD_OpenAlways) ||
      llvm::sys::fs::tryLockFile(LockFD, std::chrono::milliseconds(0)))
    return badInput("another faultline review is using " + Scratch);
  auto Cleanup = llvm::make_scope_exit([&] {
    llvm::sys::fs::remove_directories(Scratch);
    llvm::sys::fs::unlockFile(LockFD);
    llvm::sys::fs::closeFile(LockFD);
  });
  llvm::sys::fs::remove_directories(Scratch);

  // Both copies first, head before base: a database that does not match
  // the revision under review is the error to report, before any parsing.
  std::map<const Side *, std::set<std::string>> Present;
  // A source the change renamed is the base's file of the old name: a
  // rename alone changes no model, so it introduces and fixes nothing.
  std::map<const Side *, std::map<std::string, std::string>> Renamed;
  Renamed[&Base] = Repo->renames(Base.Commit, Head.Commit);
  for (Side *S : {&Head, &Base}) {
    S->Tree = Scratch + "/" + S->Name + "/tree";
    if (std::error_code EC = llvm::sys::fs::create_directories(S->Tree))
      return badInput("cannot create " + S->Tree + ": " + EC.message());
    if (!Repo->materialize(S->Commit, S->Tree, Error))
      return badInput(fmt::format("cannot read revision '{}': {}", S->Rev, Error));
    std::vector<std::string> Absent;
    for (const std::string &F : Sources) {
      auto Old = Renamed[S].find(F);
      std::string Named = Old != Renamed[S].end() ? Old->second : F;
      if (llvm::sys::fs::exists(S->Tree + "/" + Named))
        Present[S].insert(Named);
      else
        Absent.push_back(F);
    }
    // Head must have every file the database compiles (it is the build's
    // revision); base may lack the files the change adds, not all of them.
    if (S == &Head && !Absent.empty())
      return badInput(fmt::format(
          "{}/compile_commands.json does not match --head {}: it compiles {}, which that "
          "revision does not have (regenerate the database for the revision under review)",
          Opts.BuildPath, S->Rev, Absent.front()));
    if (Present[S].empty())
      return badInput(fmt::format("--base {} has none of the files {}/compile_commands.json "
                                  "compiles (such as {})",
                                  S->Rev, Opts.BuildPath, Sources.front()));
  }
  for (Side *S : {&Base, &Head}) {
    std::string DBDir = Scratch + "/" + S->Name + "/db";
    if (!DB->write(S->Tree, Present[S], Renamed[S], DBDir, Error))
      return badInput(Error);
    frontend::ExtractOptions F;
    F.BuildPath = DBDir;
    F.CacheDir = CacheDir;
    F.ExtraArgs = Opts.ExtraArgs;
    F.IgnoreCalls = Opts.IgnoreCalls;
    F.LoopBound = Opts.LoopBound;
    F.Jobs = Opts.Jobs;
    F.Verbose = Opts.Verbose;
    F.Deadline = Opts.Deadline;
    auto Models = frontend::extract(F, llvm::errs());
    if (!Models)
      return badInput(fmt::format("the {} revision '{}' cannot be extracted (above)", S->Name,
                                  S->Rev));
    S->Models = std::move(*Models);
  }

  report::FindingsReport R;
  R.ToolVersion = frontend::Version;
  R.IsReview = true;
  R.BaseRev = Opts.Base;
  R.HeadRev = Opts.Head;
  R.SourceRoot = Repo->root();
  R.SourceCopy = Head.Tree;
  Reviewer Rev(Opts, CacheDir);
  if (auto Exit = Rev.compare(Base, Head, R))
    return *Exit;
  // Introduced findings on the lines the change made responsible.
  if (auto Diff = Repo->diff(Base.Commit, Head.Commit))
    report::placeOnChanges(R.Findings, report::parseChangedLines(*Diff));

  unsigned Introduced = 0, Fixed = 0, Carried = 0;
  for (const report::Finding &F : R.Findings) {
    Introduced += F.State == report::Baseline::New;
    Fixed += F.State == report::Baseline::Absent;
  }
  for (const report::ScenarioSummary &S : R.Scenarios)
    Carried += S.Carried;
  llvm::errs() << fmt::format("faultline: review {}..{}: {} scenario{}, {} searched now, {} "
                              "verdict{} carried; {} introduced, {} fixed\n",
                              Opts.Base, Opts.Head, R.Scenarios.size(),
                              R.Scenarios.size() == 1 ? "" : "s", Rev.searches(), Carried,
                              Carried == 1 ? "" : "s", Introduced, Fixed);

  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!Opts.Output.empty() && Opts.Output != "-") {
    File = std::make_unique<llvm::raw_fd_ostream>(Opts.Output, EC, llvm::sys::fs::OF_Text);
    if (EC)
      return badInput("cannot write " + Opts.Output + ": " + EC.message());
  }
  report::writeReport(File ? *File : llvm::outs(), R, Opts.Format);
  return Introduced ? ExitViolation : ExitOk;
}

} // namespace faultline::tool
