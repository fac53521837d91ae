//===- SyntaxOnlyTool.h - How the frontend runs clang on a file -*- C++ -*-===//
//
// Both the extraction and the simulator emitter find the compilation database
// and parse the user's files with a ClangTool configured the same way; this is
// that lookup and that configuration, once.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_SYNTAXONLYTOOL_H
#define FAULTLINE_LIB_FRONTEND_SYNTAXONLYTOOL_H

#include "faultline/Frontend/Frontend.h"

#include "ResponseFiles.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include <memory>
#include <string>
#include <vector>

namespace faultline::frontend {

/// The database, found the way clang-tidy finds it: the fixed flags after
/// '--', else in -p's folder or the folders above it, else above the first
/// source file. Null, with \p Error saying why, when there is none or one
/// of its response files is not fit to read (ResponseFiles.h).
inline std::unique_ptr<clang::tooling::CompilationDatabase>
findCompilationDatabase(const ExtractOptions &Opts, std::string &Error) {
  if (Opts.FixedArgs)
    return std::make_unique<clang::tooling::FixedCompilationDatabase>(".", *Opts.FixedArgs);
  if (!Opts.BuildPath.empty())
    return loadDatabaseFromDirectory(Opts.BuildPath, Error);
  if (!Opts.Files.empty())
    return loadDatabaseForSource(Opts.Files.front(), Error);
  Error = "no compilation database: give -p BUILD_DIR, or the files and their compiler "
          "flags after '--'";
  return nullptr;
}

/// Parse only (no code generation), with the installed compiler's builtin
/// headers (LibTooling would look for them next to the executable), and with
/// the user's extra arguments after the database's own.
inline void configureSyntaxOnly(clang::tooling::ClangTool &Tool,
                                const std::vector<std::string> &ExtraArgs) {
  Tool.setPrintErrorMessage(false);
  // Every problem of a file in one round, as the user fixes them: clang
  // stops at 20 errors otherwise. Before the database's own arguments, so
  // that a -ferror-limit there (or after --) still wins.
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-resource-dir", FAULTLINE_CLANG_RESOURCE_DIR, "-ferror-limit=0"},
      clang::tooling::ArgumentInsertPosition::BEGIN));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  if (!ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        ExtraArgs, clang::tooling::ArgumentInsertPosition::END));
}

} // namespace faultline::frontend

#endif
