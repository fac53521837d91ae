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

/// Flags whose value is a path, given attached (-Ifoo) or as the next argument.
constexpr llvm::StringRef PathFlags[] = {"-isystem", "-iquote", "-idirafter", "-include",
                                         "-I", "-F"};

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

std::string ReviewDatabase::relative(const std::string &AbsPath) const {
  llvm::StringRef P(AbsPath);
  auto Under = [&](llvm::StringRef Dir) {
    return P.starts_with(Dir) && P.size() > Dir.size() && P[Dir.size()] == '/';
  };
  if (!Under(Root) || Under(Build) || P == Build)
    return "";
  return P.drop_front(Root.size() + 1).str();
}

std::vector<std::string> ReviewDatabase::sources() const {
  std::set<std::string> Out;
  for (const clang::tooling::CompileCommand &C : Commands) {
    std::string Rel = relative(absolute(C.Filename, C.Directory));
    if (!Rel.empty())
      Out.insert(Rel);
  }
  return {Out.begin(), Out.end()};
}

bool ReviewDatabase::write(const std::string &Tree, const std::set<std::string> &Keep,
                           const std::string &OutDir, std::string &Error) const {
  // A path under the repository, in the copy; any other path as it is.
  auto Move = [&](const std::string &Path, const std::string &Dir) {
    std::string Rel = relative(absolute(Path, Dir));
    if (Rel.empty())
      return Path;
    llvm::SmallString<256> Moved(Tree);
    llvm::sys::path::append(Moved, Rel);
    return std::string(Moved);
  };
  llvm::json::Array Out;
  for (const clang::tooling::CompileCommand &C : Commands) {
    std::string Source = absolute(C.Filename, C.Directory);
    std::string Rel = relative(Source);
    if (!Rel.empty() && !Keep.count(Rel))
      continue;
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
      if (NextIsPath || Arg == C.Filename) {
        Args.push_back(Move(Arg, C.Directory));
        NextIsPath = false;
        continue;
      }
      std::string Mapped = Arg;
      for (llvm::StringRef Flag : PathFlags)
        if (A == Flag) {
          NextIsPath = true;
          break;
        } else if (A.starts_with(Flag)) {
          Mapped = Flag.str() + Move(A.drop_front(Flag.size()).str(), C.Directory);
          break;
        }
      if (Mapped == Arg && llvm::sys::path::is_absolute(Arg))
        Mapped = Move(Arg, C.Directory);
      Args.push_back(Mapped);
    }
    Out.push_back(llvm::json::Object{
        {"directory", Dir}, {"file", Move(Source, "/")}, {"arguments", std::move(Args)}});
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
