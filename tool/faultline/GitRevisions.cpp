//===- GitRevisions.cpp - Reading revisions with git ----------------------===//

#include "GitRevisions.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

namespace faultline::tool {

namespace {

/// Runs Program with Args; its standard output and error through files.
std::optional<std::string> runProgram(const std::string &Program,
                                      const std::vector<std::string> &Args, std::string &Error) {
  llvm::SmallString<128> Out, Err;
  if (llvm::sys::fs::createTemporaryFile("faultline-git", "out", Out) ||
      llvm::sys::fs::createTemporaryFile("faultline-git", "err", Err)) {
    Error = "cannot create a temporary file";
    return std::nullopt;
  }
  std::vector<llvm::StringRef> Argv{Program};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(Program, Argv, std::nullopt, Redirects, 0, 0, &ExecError);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Stdout = Read(Out), Stderr = Read(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (RC != 0) {
    Error = !ExecError.empty() ? ExecError : llvm::StringRef(Stderr).trim().str();
    return std::nullopt;
  }
  return Stdout;
}

} // namespace

std::optional<GitRepository> GitRepository::find(std::string &Error) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "git is not on the PATH";
    return std::nullopt;
  }
  auto Top = runProgram(*Git, {"rev-parse", "--show-toplevel"}, Error);
  if (!Top) {
    Error = "the current folder is not in a git repository (" + Error + ")";
    return std::nullopt;
  }
  return GitRepository(*Git, llvm::StringRef(*Top).trim().str());
}

std::optional<std::string> GitRepository::git(const std::vector<std::string> &Args,
                                              std::string &Error) const {
  std::vector<std::string> Full{"-C", Root};
  Full.insert(Full.end(), Args.begin(), Args.end());
  return runProgram(Git, Full, Error);
}

std::optional<std::string> GitRepository::resolve(const std::string &Rev) const {
  std::string Error;
  // --end-of-options: a revision that looks like an option is a revision.
  auto Out = git({"rev-parse", "--verify", "--quiet", "--end-of-options", Rev + "^{commit}"},
                 Error);
  if (!Out)
    return std::nullopt;
  return llvm::StringRef(*Out).trim().str();
}

bool GitRepository::isShallow() const {
  std::string Error;
  auto Out = git({"rev-parse", "--is-shallow-repository"}, Error);
  return Out && llvm::StringRef(*Out).trim() == "true";
}

bool GitRepository::hasFile(const std::string &Commit, const std::string &Path) const {
  std::string Error;
  return git({"cat-file", "-e", Commit + ":" + Path}, Error).has_value();
}

std::map<std::string, std::string> GitRepository::renames(const std::string &From,
                                                          const std::string &To) const {
  std::string Error;
  std::map<std::string, std::string> Out;
  // -z: "R<score>" NUL old NUL new NUL, whatever the names hold.
  auto Text = git({"diff", "--name-status", "-z", "-M", "--diff-filter=R", From, To, "--"},
                  Error);
  if (!Text)
    return Out;
  llvm::SmallVector<llvm::StringRef, 16> Fields;
  llvm::StringRef(*Text).split(Fields, '\0', -1, /*KeepEmpty=*/false);
  for (size_t I = 0; I + 2 < Fields.size(); I += 3)
    if (Fields[I].starts_with("R"))
      Out[Fields[I + 2].str()] = Fields[I + 1].str();
  return Out;
}

std::vector<std::string> GitRepository::dirtyFiles() const {
  std::string Error;
  std::vector<std::string> Files;
  auto Out = git({"status", "--porcelain", "--untracked-files=no"}, Error);
  if (!Out)
    return Files;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  llvm::StringRef(*Out).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines)
    if (Line.size() > 3)
      Files.push_back(Line.drop_front(3).str());
  return Files;
}

std::optional<std::string> GitRepository::diff(const std::string &From,
                                               const std::string &To) const {
  std::string Error;
  // Whatever the user's configuration: plain paths (b/...), no colours,
  // no external diff driver.
  return git({"-c", "core.quotePath=false", "diff", "-U0", "--no-color", "--no-ext-diff",
              "--src-prefix=a/", "--dst-prefix=b/", From, To, "--"},
             Error);
}

bool GitRepository::materialize(const std::string &Commit, const std::string &Dir,
                                std::string &Error) const {
  auto Tar = llvm::sys::findProgramByName("tar");
  if (!Tar) {
    Error = "tar is not on the PATH";
    return false;
  }
  std::string Archive = Dir + ".tar";
  bool Ok = git({"archive", "--format=tar", "-o", Archive, Commit}, Error) &&
            runProgram(*Tar, {"-xf", Archive, "-C", Dir}, Error);
  llvm::sys::fs::remove(Archive);
  return Ok;
}

} // namespace faultline::tool
