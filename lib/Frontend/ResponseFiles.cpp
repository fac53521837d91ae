//===- ResponseFiles.cpp - A compile database's @files, read safely -------===//

#include "ResponseFiles.h"

#include "faultline/IR/JsonFile.h"

#include "clang/Tooling/JSONCompilationDatabase.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <set>

namespace faultline::frontend {

namespace {

/// Response files may name response files; a cycle or a deep chain stops here.
constexpr unsigned MaxNesting = 32;

/// Checks the @files among Args (relative ones against Dir, as LibTooling
/// resolves them), recursively; false with Error at the first bad one.
bool checkArgs(llvm::ArrayRef<std::string> Args, const std::string &Dir, unsigned Depth,
               const std::string &Source, std::string &Error) {
  for (const std::string &Arg : Args) {
    llvm::StringRef Name(Arg);
    if (!Name.consume_front("@") || Name.empty())
      continue;
    llvm::SmallString<256> Path(Name);
    if (!llvm::sys::path::is_absolute(Path)) {
      Path = Dir;
      llvm::sys::path::append(Path, Name);
    }
    // LibTooling leaves an @name that names no file as it is.
    if (!llvm::sys::fs::exists(Path))
      continue;
    auto Fail = [&](const std::string &Why) {
      Error = "the compile command of " + Source + " reads the response file " + Arg + ": " +
              Why;
      return false;
    };
    if (Depth >= MaxNesting)
      return Fail("response files nested more than " + std::to_string(MaxNesting) +
                  " deep (a cycle?)");
    auto Buffer = ir::readRegularFile(Path, MaxResponseFileBytes);
    if (!Buffer)
      return Fail(llvm::toString(Buffer.takeError()));
    llvm::BumpPtrAllocator Alloc;
    llvm::StringSaver Saver(Alloc);
    llvm::SmallVector<const char *, 64> Tokens;
    llvm::cl::TokenizeGNUCommandLine((*Buffer)->getBuffer(), Saver, Tokens);
    std::vector<std::string> Inner(Tokens.begin(), Tokens.end());
    if (!checkArgs(Inner, Dir, Depth + 1, Source, Error))
      return false;
  }
  return true;
}

} // namespace

/// The database of one folder (not those above it): compile_commands.json
/// with its response files checked, else what clang's other plugins find
/// (compile_flags.txt). Null if none; Error set if one is there with a
/// response file not fit to read.
static std::unique_ptr<clang::tooling::CompilationDatabase> loadFromFolder(llvm::StringRef Dir,
                                                                           std::string &Error) {
  llvm::SmallString<256> JSON(Dir);
  llvm::sys::path::append(JSON, "compile_commands.json");
  if (!llvm::sys::fs::exists(JSON)) {
    std::string Ignored;
    return clang::tooling::CompilationDatabase::loadFromDirectory(Dir, Ignored);
  }
  // One that does not parse is skipped, as clang skips it; its search
  // then says what was wrong.
  std::string ParseError;
  auto Base = clang::tooling::JSONCompilationDatabase::loadFromFile(
      JSON, ParseError, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Base)
    return nullptr;
  for (const clang::tooling::CompileCommand &C : Base->getAllCompileCommands())
    if (!checkArgs(C.CommandLine, C.Directory, 0, C.Filename, Error))
      return nullptr;
  // What clang's JSON plugin returns, now that expanding is safe.
  return clang::tooling::inferTargetAndDriverMode(clang::tooling::inferMissingCompileCommands(
      clang::tooling::expandResponseFiles(std::move(Base), llvm::vfs::getRealFileSystem())));
}

/// The first database in Dir or the folders above it, as clang looks.
static std::unique_ptr<clang::tooling::CompilationDatabase> findUpwards(llvm::StringRef Start,
                                                                        std::string &Error) {
  llvm::SmallString<256> Abs(Start);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  for (llvm::StringRef Dir = Abs; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    std::string DirError;
    if (auto DB = loadFromFolder(Dir, DirError))
      return DB;
    if (!DirError.empty()) {
      Error = std::move(DirError);
      return nullptr;
    }
  }
  return nullptr;
}

std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabaseFromDirectory(const std::string &Dir, std::string &Error) {
  if (auto DB = findUpwards(Dir, Error))
    return DB;
  if (!Error.empty())
    return nullptr;
  // None: clang's own search says so in its words.
  return clang::tooling::CompilationDatabase::autoDetectFromDirectory(Dir, Error);
}

std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabaseForSource(const std::string &Source, std::string &Error) {
  llvm::SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  if (auto DB = findUpwards(llvm::sys::path::parent_path(Abs), Error))
    return DB;
  if (!Error.empty())
    return nullptr;
  return clang::tooling::CompilationDatabase::autoDetectFromSource(Source, Error);
}

} // namespace faultline::frontend
