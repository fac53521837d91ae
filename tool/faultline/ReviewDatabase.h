//===- ReviewDatabase.h - The compile database, moved onto a revision -*- C++ -*-===//
//
// review compiles each revision with the commands the user's build folder
// has: the same flags, with every file and include path under the
// repository root (outside the build folder, which stays where it is)
// moved into the revision's scratch copy. Paths elsewhere (the system's,
// an SDK's) are left alone.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_REVIEWDATABASE_H
#define FAULTLINE_TOOL_REVIEWDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace faultline::tool {

class ReviewDatabase {
public:
  /// Reads BuildPath/compile_commands.json; nothing (Error says why) if it
  /// cannot.
  static std::optional<ReviewDatabase> load(const std::string &BuildPath, const std::string &Root,
                                            std::string &Error);

  /// The sources it compiles under the repository root, relative to it.
  std::vector<std::string> sources() const;

  /// Writes OutDir/compile_commands.json: the commands of the sources in
  /// Keep (relative paths, as Tree names them), moved onto Tree (a copy of
  /// the repository). A source in Renamed (database path -> Tree's path) is
  /// compiled under its name in Tree.
  bool write(const std::string &Tree, const std::set<std::string> &Keep,
             const std::map<std::string, std::string> &Renamed, const std::string &OutDir,
             std::string &Error) const;

private:
  ReviewDatabase(std::vector<clang::tooling::CompileCommand> Commands, std::string Root,
                 std::string Build)
      : Commands(std::move(Commands)), Root(std::move(Root)), Build(std::move(Build)) {}
  /// An absolute path under Root (or Root itself: ""), outside Build,
  /// relative to Root; else nothing.
  std::optional<std::string> relative(const std::string &AbsPath) const;
  std::string absolute(const std::string &Path, const std::string &Dir) const;

  std::vector<clang::tooling::CompileCommand> Commands;
  std::string Root, Build;
};

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_REVIEWDATABASE_H
