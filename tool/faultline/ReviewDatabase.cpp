//===- ReviewDatabase.cpp - Moving compile commands onto a scratch tree ---===//

#include "ReviewDatabase.h"

#include "clang/Tooling/JSONCompilationDatabase.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace faultline::tool {

namespace {

std::string realPath(const std::string &Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path;
  return std::string(Real);
}

/// Flags whose value is a path, given attached (-Ifoo, --sysroot=foo) or as
/// the next argument; a longer flag before any flag it starts with. Every one
/// of them that names a file or folder of the repository must name the
/// copy's, or the revision would be compiled with some of the checkout.
constexpr llvm::StringRef PathFlags[] = {
    "-iwithprefixbefore", "-iframeworkwithsysroot", "-isystem-after", "-iwithprefix",
    "-iframework", "-include-pch", "-ivfsoverlay", "-idirafter", "-iprefix", "-isysroot",
    "-isystem", "-iquote", "-imacros", "-include", "--include-directory-after=",
    "--include-directory=", "--include-prefix=", "--include-with-prefix=", "--include=",
    "--sysroot=", "--sysroot", "-fmodule-map-file=", "-fmodule-file=",
    "-fprebuilt-module-path=", "-I", "-F"};

/// Flags whose separate next argument is a path (the others take theirs
/// attached only).
bool takesSeparateValue(llvm::StringRef Flag) { return !Flag.ends_with("="); }

} // namespace

std::optional<ReviewDatabase> ReviewDatabase::load(const std::string &BuildPath,
                                                   const std::string &Root, std::string &Error) {
  llvm::SmallString<256> File(BuildPath);
  llvm::sys::path::append(File, "compile_commands.json");
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      File, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = "cannot read " + std::string(File) + ": " + Error;
    return std::nullopt;
  }
  return ReviewDatabase(DB->getAllCompileCommands(), realPath(Root), realPath(BuildPath));
}

std::string ReviewDatabase::absolute(const std::string &Path, const std::string &Dir) const {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    Abs = Dir;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

std::optional<std::string> ReviewDatabase::relative(const std::string &AbsPath) const {
  llvm::StringRef P(AbsPath);
  auto Under = [&](llvm::StringRef Dir) {
    return P.starts_with(Dir) && P.size() > Dir.size() && P[Dir.size()] == '/';
  };
  if (Under(Build) || P == Build)
    return std::nullopt;
  // The root itself (-I<root>, a command run in the root) is the copy's root.
  if (P == Root)
    return std::string();
  if (!Under(Root))
    return std::nullopt;
  return P.drop_front(Root.size() + 1).str();
}

std::vector<std::string> ReviewDatabase::sources() const {
  std::set<std::string> Out;
  for (const clang::tooling::CompileCommand &C : Commands) {
    auto Rel = relative(absolute(C.Filename, C.Directory));
    if (Rel && !Rel->empty())
      Out.insert(*Rel);
  }
  return {Out.begin(), Out.end()};
}

bool ReviewDatabase::write(const std::string &Tree, const std::set<std::string> &Keep,
                           const std::map<std::string, std::string> &Renamed,
                           const std::string &OutDir, std::string &Error) const {
  // A path under the repository, in the copy; any other path as it is.
  auto Move = [&](const std::string &Path, const std::string &Dir) {
    auto Rel = relative(absolute(Path, Dir));
    if (!Rel)
      return Path;
    llvm::SmallString<256> Moved(Tree);
    llvm::sys::path::append(Moved, *Rel);
    return std::string(Moved);
  };
  llvm::json::Array Out;
  for (const clang::tooling::CompileCommand &C : Commands) {
    std::string Source = absolute(C.Filename, C.Directory);
    auto Rel = relative(Source);
    // The source under the name this revision gives it (a file the change
    // renamed has its old name in the base).
    std::string Named = Rel ? *Rel : std::string();
    if (auto It = Renamed.find(Named); It != Renamed.end())
      Named = It->second;
    if (Rel && !Keep.count(Named))
      continue;
    std::string MovedSource = Source;
    if (Rel) {
      llvm::SmallString<256> P(Tree);
      llvm::sys::path::append(P, Named);
      MovedSource = std::string(P);
    }
    // A build folder inside the repository is not in the copy (git has
    // none of it): the command then runs where it ran. Relative paths in
    // it are resolved against the original folder and moved all the same.
    std::string Dir = Move(C.Directory, "/");
    if (!llvm::sys::fs::is_directory(Dir))
      Dir = C.Directory;
    llvm::json::Array Args;
    bool NextIsPath = false;
    for (const std::string &Arg : C.CommandLine) {
      llvm::StringRef A(Arg);
      if (Arg == C.Filename) {
        Args.push_back(MovedSource);
        NextIsPath = false;
        continue;
      }
      if (NextIsPath) {
        Args.push_back(Move(Arg, C.Directory));
        NextIsPath = false;
        continue;
      }
      std::string Mapped = Arg;
      for (llvm::StringRef Flag : PathFlags)
        if (A == Flag && takesSeparateValue(Flag)) {
          NextIsPath = true;
          break;
        } else if (A.starts_with(Flag)) {
          Mapped = Flag.str() + Move(A.drop_front(Flag.size()).str(), C.Directory);
          break;
        }
      // Any other absolute path, alone or as an option's value after '='
      // (-fprofile-use=/repo/x): in the copy if it is the repository's.
      if (Mapped == Arg && llvm::sys::path::is_absolute(Arg))
        Mapped = Move(Arg, C.Directory);
      else if (size_t Eq = A.find('='); Mapped == Arg && A.starts_with("-") &&
                                         Eq != llvm::StringRef::npos &&
                                         llvm::sys::path::is_absolute(A.drop_front(Eq + 1)))
        Mapped = A.take_front(Eq + 1).str() + Move(A.drop_front(Eq + 1).str(), C.Directory);
      Args.push_back(Mapped);
    }
    Out.push_back(llvm::json::Object{
        {"directory", Dir}, {"file", MovedSource}, {"arguments", std::move(Args)}});
  }
  if (std::error_code EC = llvm::sys::fs::create_directories(OutDir)) {
    Error = "cannot create " + OutDir + ": " + EC.message();
    return false;
  }
  std::string Path = OutDir + "/compile_commands.json";
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = "cannot write " + Path + ": " + EC.message();
    return false;
  }
  OS << llvm::json::Value(std::move(Out));
  return true;
}

} // namespace faultline::tool
