//===- Extract.cpp - Running the frontend over a compilation database ----===//
//
// Each translation unit is handled on its own, in parallel (as clang's
// AllTUsToolExecutor does: one ClangTool per file, each with its own file
// system view, so that no thread changes the process's working folder):
//
//   1. The cache (BUILD/.faultline-cache): an entry per TU, keyed by
//      faultline's version, the file and its compile command, lists every
//      file the TU read with a hash of its contents (ccache's "direct
//      mode"), and every path the compiler probed and found absent (a
//      header earlier on the include path, a __has_include) or found
//      without reading it. If none changed, the stored fragment is the
//      extraction. An entry carries a checksum: a damaged one is discarded.
//   2. Otherwise the TU is preprocessed only: one that includes no
//      faultline annotation header has nothing to extract and is never
//      parsed (most of a real database: libraries, tests).
//   3. Otherwise it is parsed and lowered.
//
// Diagnostics are buffered per TU and printed in the database's order, so
// the output does not depend on -j. Then the fragments are linked.
//
//===----------------------------------------------------------------------===//

#include "faultline/Frontend/Frontend.h"
#include "faultline/Frontend/TranslationUnit.h"
#include "faultline/IR/JsonFile.h"

#include "SyntaxOnlyTool.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <fmt/format.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

namespace faultline::frontend {

const char *const Version = FAULTLINE_VERSION;

namespace {

/// Every file a TU read, from its source manager.
std::vector<std::string> filesRead(const clang::SourceManager &SM) {
  std::vector<std::string> Out;
  for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
    const clang::SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
    if (!E.isFile())
      continue;
    if (auto Ref = E.getFile().getContentCache().OrigEntry) {
      llvm::StringRef Real = Ref->getFileEntry().tryGetRealPathName();
      Out.push_back(Real.empty() ? Ref->getName().str() : Real.str());
    }
  }
  std::sort(Out.begin(), Out.end());
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

/// The paths a TU's compiler asked the file system about without reading
/// them: those that did not exist (a header not in this -I folder, a
/// __has_include that failed) and those it only stat'ed. A file appearing
/// at one of the first, or one of the second vanishing, can change what
/// the TU includes though no file it read changed.
struct Probes {
  std::set<std::string> Absent, Present;
};

/// The physical file system, noting every path asked about (absolute).
class ProbeRecorder : public llvm::vfs::ProxyFileSystem {
public:
  ProbeRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, Probes &P)
      : ProxyFileSystem(std::move(FS)), P(P) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto S = ProxyFileSystem::status(Path);
    note(Path, S ? !S->isDirectory() : false, bool(S));
    return S;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto F = ProxyFileSystem::openFileForRead(Path);
    note(Path, bool(F), bool(F));
    return F;
  }

private:
  void note(const llvm::Twine &Path, bool IsFile, bool Exists) {
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    if (makeAbsolute(Abs))
      return;
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
    if (!Exists)
      P.Absent.insert(std::string(Abs));
    else if (IsFile)
      P.Present.insert(std::string(Abs));
  }

  Probes &P;
};

/// What one TU gave.
struct TUResult {
  std::string File;
  enum class How { Cached, Skipped, Parsed, Failed, NotStarted } H = How::Failed;
  std::optional<Fragment> F; ///< Nothing for a skipped TU.
  bool Annotated = false;
  std::string Diagnostics;
  std::vector<std::string> Deps;
  Probes Probed;
  /// What the lowering is told besides the annotations (an input).
  ModelOptions Model;
};

/// Finds out whether a TU includes faultline's annotations (by the macros
/// they define, whatever the include path was), by preprocessing it only.
class IncludeScan : public clang::PreprocessOnlyAction {
public:
  explicit IncludeScan(TUResult &R) : R(R) {}
  void EndSourceFileAction() override {
    R.Deps = filesRead(getCompilerInstance().getSourceManager());
    R.Annotated = getCompilerInstance().getPreprocessor().isMacroDefined("FL_PROCESS");
  }

private:
  TUResult &R;
};

class LoweringConsumer : public clang::ASTConsumer {
public:
  explicit LoweringConsumer(TUResult &R) : R(R) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    R.Deps = filesRead(Ctx.getSourceManager());
    // A TU that did not compile is reported by clang already.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    R.F = extractTranslationUnit(Ctx, ProblemOptions(), R.Model);
  }

private:
  TUResult &R;
};

template <typename Base> class ActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ActionFactory(TUResult &R, llvm::raw_ostream &Verbose) : R(R), Verbose(Verbose) {}
  std::unique_ptr<clang::FrontendAction> create() override { return std::make_unique<Base>(R); }

  /// As FrontendActionFactory's, but the compiler's own lines ("1 error
  /// generated.") go to the TU's buffer with its diagnostics, in order.
  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                     clang::FileManager *Files,
                     std::shared_ptr<clang::PCHContainerOperations> PCH,
                     clang::DiagnosticConsumer *Diags) override {
    clang::CompilerInstance Compiler(std::move(PCH));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.createDiagnostics(Diags, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);
    Compiler.setVerboseOutputStream(Verbose);
    std::unique_ptr<clang::FrontendAction> Action = create();
    bool Ok = Compiler.ExecuteAction(*Action);
    Files->clearStatCache();
    return Ok;
  }

private:
  TUResult &R;
  llvm::raw_ostream &Verbose;
};

class LoweringAction : public clang::ASTFrontendAction {
public:
  explicit LoweringAction(TUResult &R) : R(R) {}
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                        llvm::StringRef) override {
    return std::make_unique<LoweringConsumer>(R);
  }

private:
  TUResult &R;
};

/// Content hashes of the files TUs read, computed once per run.
class FileHashes {
public:
  std::optional<uint64_t> of(const std::string &Path) {
    {
      std::lock_guard<std::mutex> Lock(M);
      auto It = Known.find(Path);
      if (It != Known.end())
        return It->second;
    }
    std::optional<uint64_t> H;
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/false))
      H = llvm::xxh3_64bits(llvm::arrayRefFromStringRef((*Buffer)->getBuffer()));
    std::lock_guard<std::mutex> Lock(M);
    Known[Path] = H;
    return H;
  }

  /// Whether a path exists (file or folder), asked once per run.
  bool exists(const std::string &Path) {
    {
      std::lock_guard<std::mutex> Lock(M);
      auto It = Exists.find(Path);
      if (It != Exists.end())
        return It->second;
    }
    bool E = llvm::sys::fs::exists(Path);
    std::lock_guard<std::mutex> Lock(M);
    Exists[Path] = E;
    return E;
  }

private:
  std::mutex M;
  std::map<std::string, std::optional<uint64_t>> Known;
  std::map<std::string, bool> Exists;
};

/// The cache folder: one JSON file per TU and command.
class Cache {
public:
  /// Changes with what an entry holds, so that no older entry is read.
  static constexpr const char *EntryFormat = "faultline-cache-3";

  Cache(std::string Dir, FileHashes &Hashes) : Dir(std::move(Dir)), Hashes(Hashes) {}

  /// Everything but the files' contents that decides the extraction: the
  /// version, the command and the arguments faultline adds to it.
  std::string keyOf(const clang::tooling::CompileCommand &C,
                    const std::vector<std::string> &ExtraArgs, const ModelOptions &Model) const {
    std::string Text = std::string(Version) + "\n" + FragmentFormat + "\n" + EntryFormat +
                       "\n" + C.Directory + "\n" + C.Filename + "\n";
    for (const std::string &Arg : C.CommandLine)
      Text += Arg + "\n";
    Text += "--\n";
    for (const std::string &Arg : ExtraArgs)
      Text += Arg + "\n";
    Text += "--ignore-calls=" + Model.IgnoreCalls + "\n";
    Text += "--loop-bound=" + std::to_string(Model.LoopBound) + "\n";
    return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true, 16);
  }

  /// The stored result if every file the TU read is unchanged and every
  /// probe would be answered as before. A damaged entry is removed, with a
  /// note in the TU's diagnostics.
  bool lookup(const std::string &Key, TUResult &R) {
    std::string Path = pathOf(Key);
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return false;
    auto Discard = [&](llvm::Error E) {
      llvm::raw_string_ostream(R.Diagnostics)
          << "faultline: note: discarded the damaged cache entry " << Path << " ("
          << llvm::toString(std::move(E)) << "); extracting " << R.File << " again\n";
      llvm::sys::fs::remove(Path);
      return false;
    };
    auto V = ir::parseChecksummedJSON((*Buffer)->getBuffer());
    if (!V)
      return Discard(V.takeError());
    const llvm::json::Object *O = V->getAsObject();
    const llvm::json::Array *Deps = O ? O->getArray("deps") : nullptr;
    const llvm::json::Array *Absent = O ? O->getArray("absent") : nullptr;
    const llvm::json::Array *Present = O ? O->getArray("present") : nullptr;
    const llvm::json::Value *Stored = O ? O->get("fragment") : nullptr;
    if (!Deps || !Absent || !Present || !Stored)
      return Discard(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                             "not a cache entry"));
    std::vector<std::string> Paths;
    for (const llvm::json::Value &D : *Deps) {
      const llvm::json::Array *Pair = D.getAsArray();
      auto Path = Pair && Pair->size() == 2 ? (*Pair)[0].getAsString() : std::nullopt;
      auto Hash = Pair && Pair->size() == 2 ? (*Pair)[1].getAsString() : std::nullopt;
      if (!Path || !Hash)
        return Discard(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                               "not a cache entry"));
      auto Now = Hashes.of(Path->str());
      if (!Now || llvm::utohexstr(*Now, true, 16) != *Hash)
        return false;
      Paths.push_back(Path->str());
    }
    for (auto [List, Existed] : {std::pair{Absent, false}, std::pair{Present, true}})
      for (const llvm::json::Value &P : *List) {
        auto Probe = P.getAsString();
        if (!Probe)
          return Discard(llvm::createStringError(llvm::inconvertibleErrorCode(),
                                                 "not a cache entry"));
        if (Hashes.exists(Probe->str()) != Existed)
          return false;
      }
    if (Stored->kind() != llvm::json::Value::Null) {
      Fragment F;
      llvm::json::Path::Root Root("fragment");
      if (!fromJSON(*Stored, F, Root))
        return Discard(Root.getError());
      R.F = std::move(F);
    }
    R.Deps = std::move(Paths);
    R.H = TUResult::How::Cached;
    return true;
  }

  void store(const std::string &Key, const TUResult &R) {
    llvm::json::Array Deps, Absent, Present;
    for (const std::string &D : R.Deps) {
      auto H = Hashes.of(D);
      if (!H)
        return; // read but gone: nothing to key on
      Deps.push_back(llvm::json::Array{D, llvm::utohexstr(*H, true, 16)});
    }
    std::set<std::string> Read(R.Deps.begin(), R.Deps.end());
    for (const std::string &P : R.Probed.Absent)
      Absent.push_back(P);
    for (const std::string &P : R.Probed.Present)
      if (!Read.count(P))
        Present.push_back(P);
    llvm::json::Object O{{"deps", std::move(Deps)},
                         {"absent", std::move(Absent)},
                         {"present", std::move(Present)},
                         {"fragment", R.F ? toJSON(*R.F) : llvm::json::Value(nullptr)}};
    if (llvm::sys::fs::create_directories(Dir))
      return;
    // Whole or not at all (a temporary file renamed into place): parallel
    // extractions of the same database never see half an entry. A cache
    // that cannot be written only costs the next run a parse.
    llvm::consumeError(llvm::writeToOutput(pathOf(Key), [&](llvm::raw_ostream &OS) {
      OS << ir::checksummedJSON(llvm::json::Value(std::move(O)));
      return llvm::Error::success();
    }));
  }

private:
  std::string pathOf(const std::string &Key) const { return Dir + "/" + Key + ".json"; }

  std::string Dir;
  FileHashes &Hashes;
};

class Driver {
public:
  Driver(const ExtractOptions &Opts, clang::tooling::CompilationDatabase &DB,
         std::optional<Cache> &C)
      : Opts(Opts), DB(DB), C(C) {}

  TUResult run(const std::string &File) {
    TUResult R;
    R.File = File;
    R.Model.IgnoreCalls = Opts.IgnoreCalls;
    R.Model.LoopBound = Opts.LoopBound;
    R.Model.Deadline = Opts.Deadline;
    if (Opts.Deadline && ExtractionDeadline::Clock::now() >= Opts.Deadline->At) {
      R.H = TUResult::How::NotStarted;
      return R;
    }
    std::vector<clang::tooling::CompileCommand> Commands = DB.getCompileCommands(File);
    std::string Key;
    if (C && Commands.size() == 1) {
      Key = C->keyOf(Commands.front(), Opts.ExtraArgs, R.Model);
      if (C->lookup(Key, R))
        return R;
    }
    if (!runAction<IncludeScan>(File, R))
      return R;
    if (!R.Annotated) {
      R.H = TUResult::How::Skipped;
    } else {
      R.F.reset();
      if (!runAction<LoweringAction>(File, R) || !R.F)
        return R;
      R.H = TUResult::How::Parsed;
    }
    // A TU with problems is not stored: its diagnostics must show again.
    if (!Key.empty() && (!R.F || R.F->Problems == 0))
      C->store(Key, R);
    return R;
  }

private:
  template <typename Action> bool runAction(const std::string &File, TUResult &R) {
    // Each TU has its own view of the file system: ClangTool sets the
    // working folder of the command on it, not on the process.
    clang::tooling::ClangTool Tool(
        DB, {File}, std::make_shared<clang::PCHContainerOperations>(),
        llvm::makeIntrusiveRefCnt<ProbeRecorder>(llvm::vfs::createPhysicalFileSystem(),
                                                 R.Probed));
    configureSyntaxOnly(Tool, Opts.ExtraArgs);
    llvm::raw_string_ostream OS(R.Diagnostics);
    // The printer shares ownership of its options (a reference count).
    clang::TextDiagnosticPrinter Printer(OS, new clang::DiagnosticOptions());
    Tool.setDiagnosticConsumer(&Printer);
    ActionFactory<Action> Factory(R, OS);
    return Tool.run(&Factory) == 0;
  }

  const ExtractOptions &Opts;
  clang::tooling::CompilationDatabase &DB;
  std::optional<Cache> &C;
};

/// -v: the code a TU's handlers hold that the model leaves out, and why.
void printIgnored(const Fragment &F, llvm::raw_ostream &Errs) {
  for (const IgnoredCode &I : F.Ignored) {
    if (I.Loc.FileID < F.Files.size())
      Errs << F.Files[I.Loc.FileID] << ":" << I.Loc.Line << ":" << I.Loc.Col << ": ";
    Errs << "note: faultline ignores " << I.What << "\n";
  }
}

/// The database's compile commands must name folders that exist: ClangTool
/// would abort the process on the first that does not.
bool checkCommands(clang::tooling::CompilationDatabase &DB, const std::vector<std::string> &Files,
                   llvm::raw_ostream &Errs) {
  bool Ok = true;
  for (const std::string &F : Files)
    for (const clang::tooling::CompileCommand &C : DB.getCompileCommands(F))
      if (!llvm::sys::fs::is_directory(C.Directory)) {
        Errs << "faultline: error: the compilation database's command for " << F
             << " runs in the folder '" << C.Directory << "', which does not exist\n";
        Ok = false;
      }
  return Ok;
}

} // namespace

std::optional<std::vector<ExtractedModel>> extract(const ExtractOptions &Opts,
                                                   llvm::raw_ostream &Errs) {
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = findCompilationDatabase(Opts, Error);
  if (!DB) {
    Errs << "faultline: error: " << Error << "\n";
    return std::nullopt;
  }

  std::vector<std::string> Files;
  if (Opts.Files.empty() && Opts.FixedArgs) {
    Errs << "faultline: error: give the source files to read before '--'\n";
    return std::nullopt;
  }
  if (Opts.Files.empty()) {
    // In path order: the database's own order is lost in its index, and
    // reports (which TU's definition an ODR error names first, the order of
    // the scenarios) must not depend on a hash.
    Files = DB->getAllFiles();
    std::sort(Files.begin(), Files.end());
  } else {
    for (const std::string &F : Opts.Files) {
      llvm::SmallString<256> Abs(F);
      llvm::sys::fs::make_absolute(Abs);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Files.push_back(std::string(Abs));
    }
  }
  if (std::string RegexError; !Opts.IgnoreCalls.empty() &&
                              !llvm::Regex(Opts.IgnoreCalls).isValid(RegexError)) {
    Errs << "faultline: error: --ignore-calls: " << RegexError << "\n";
    return std::nullopt;
  }
  if (!Opts.FilesRegex.empty()) {
    llvm::Regex Filter(Opts.FilesRegex);
    std::string RegexError;
    if (!Filter.isValid(RegexError)) {
      Errs << "faultline: error: --files: " << RegexError << "\n";
      return std::nullopt;
    }
    llvm::erase_if(Files, [&](const std::string &F) { return !Filter.match(F); });
  }
  bool Missing = false;
  for (const std::string &F : Files)
    if (!llvm::sys::fs::exists(F)) {
      Errs << "faultline: error: no such file: " << F << "\n";
      Missing = true;
    }
  if (Missing || !checkCommands(*DB, Files, Errs))
    return std::nullopt;
  if (Files.empty()) {
    Errs << "faultline: error: no files to read: the compilation database lists none"
         << (Opts.FilesRegex.empty() ? "" : " that match --files") << "\n";
    return std::nullopt;
  }

  FileHashes Hashes;
  std::optional<Cache> C;
  if (Opts.UseCache && !Opts.FixedArgs) {
    std::string Dir = Opts.CacheDir;
    if (Dir.empty() && !Opts.BuildPath.empty())
      Dir = Opts.BuildPath + "/.faultline-cache";
    if (!Dir.empty())
      C.emplace(Dir, Hashes);
  }

  Driver D(Opts, *DB, C);
  std::vector<TUResult> Results(Files.size());
  std::atomic<unsigned> Done{0};
  std::mutex ProgressLock;
  bool ShowProgress = Opts.Progress && Errs.is_displayed() && Files.size() > 1;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Opts.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        Results[I] = D.run(Files[I]);
        unsigned N = ++Done;
        if (ShowProgress) {
          std::lock_guard<std::mutex> Lock(ProgressLock);
          Errs << "\r\x1b[K[" << N << "/" << Files.size() << "] "
               << llvm::sys::path::filename(Files[I]);
          Errs.flush();
        }
      });
    Pool.wait();
  }
  if (ShowProgress)
    Errs << "\r\x1b[K";

  bool Failed = false;
  std::vector<Fragment> Fragments;
  unsigned Parsed = 0, Cached = 0, Skipped = 0, NotStarted = 0;
  for (TUResult &R : Results) {
    Errs << R.Diagnostics;
    static const char *const HowNames[] = {"from the cache", "skipped (no faultline annotations)",
                                           "parsed", "failed", "not read (--timeout)"};
    if (Opts.Verbose)
      Errs << "faultline: " << R.File << ": " << HowNames[static_cast<int>(R.H)]
           << (R.H == TUResult::How::Cached && !R.F ? " (no faultline annotations)" : "")
           << "\n";
    switch (R.H) {
    case TUResult::How::Cached:
      ++Cached;
      break;
    case TUResult::How::Skipped:
      ++Skipped;
      break;
    case TUResult::How::Parsed:
      ++Parsed;
      break;
    case TUResult::How::Failed:
      Failed = true;
      break;
    case TUResult::How::NotStarted:
      ++NotStarted;
      Failed = true;
      break;
    }
    if (R.F && Opts.Verbose)
      printIgnored(*R.F, Errs);
    if (R.F) {
      Failed |= R.F->Problems != 0;
      Fragments.push_back(std::move(*R.F));
    }
  }
  if (Opts.Verbose)
    Errs << "faultline: " << Files.size() << " translation units: " << Parsed << " parsed, "
         << Cached << " from the cache, " << Skipped << " without annotations\n";
  if (NotStarted)
    Errs << fmt::format("faultline: error: {:g} s (--timeout) passed before {} of the {} "
                        "translation units were read; no model was extracted\n",
                        Opts.Deadline->Seconds, NotStarted, Files.size());
  if (Failed)
    return std::nullopt;
  auto Models = link(Fragments, Errs);
  if (Models && Models->empty()) {
    Errs << "faultline: error: no FL_SCENARIO function in these files\n";
    return std::nullopt;
  }
  return Models;
}

/// The fragment files a list file names, one a line (relative ones from the
/// list's folder), as faultline_check writes it: exactly the target's, where
/// a folder could hold the fragment of a source the target no longer has.
static std::optional<std::vector<std::string>> readFragmentList(const std::string &List,
                                                                llvm::raw_ostream &Errs) {
  auto Buffer = ir::readRegularFile(List, MaxFragmentBytes);
  if (!Buffer) {
    Errs << "faultline: error: --from-objects: " << List << ": "
         << llvm::toString(Buffer.takeError()) << "\n";
    return std::nullopt;
  }
  std::vector<std::string> Paths;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].trim();
    if (Line.empty())
      continue;
    llvm::SmallString<256> Path(Line);
    if (llvm::sys::path::is_relative(Path)) {
      Path = llvm::sys::path::parent_path(List);
      llvm::sys::path::append(Path, Line);
    }
    if (!llvm::sys::fs::is_regular_file(Path)) {
      Errs << List << ":" << I + 1 << ":1: error: no faultline extraction " << Path
           << " (build with -fplugin=faultline-plugin.so)\n";
      return std::nullopt;
    }
    Paths.push_back(Path.str().str());
  }
  return Paths;
}

std::optional<std::vector<ExtractedModel>> extractFromObjects(const std::string &Dir,
                                                              llvm::raw_ostream &Errs) {
  std::vector<std::string> Paths;
  if (llvm::sys::fs::is_regular_file(Dir)) {
    auto Listed = readFragmentList(Dir, Errs);
    if (!Listed)
      return std::nullopt;
    Paths = std::move(*Listed);
  } else if (!llvm::sys::fs::is_directory(Dir)) {
    Errs << "faultline: error: --from-objects: no such folder or list file: " << Dir << "\n";
    return std::nullopt;
  } else {
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".faultline.json"))
        Paths.push_back(It->path());
    if (EC) {
      Errs << "faultline: error: cannot read " << Dir << ": " << EC.message() << "\n";
      return std::nullopt;
    }
  }
  // In a stable order, whatever the file system's or the list's.
  std::sort(Paths.begin(), Paths.end());
  Paths.erase(std::unique(Paths.begin(), Paths.end()), Paths.end());
  std::vector<Fragment> Fragments;
  bool Failed = false;
  for (const std::string &P : Paths) {
    std::string Error;
    if (auto F = readFragment(P, Error)) {
      Fragments.push_back(std::move(*F));
    } else {
      Errs << "faultline: error: " << Error << "\n";
      Failed = true;
    }
  }
  if (Failed)
    return std::nullopt;
  if (Fragments.empty()) {
    Errs << "faultline: error: no faultline extraction under " << Dir
         << " (build with -fplugin=faultline-plugin.so)\n";
    return std::nullopt;
  }
  auto Models = link(Fragments, Errs);
  if (Models && Models->empty()) {
    Errs << "faultline: error: no FL_SCENARIO function in the files built into " << Dir << "\n";
    return std::nullopt;
  }
  return Models;
}

} // namespace faultline::frontend
