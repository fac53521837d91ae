//===- faultline/Frontend/Frontend.h - From C++ to rules --------*- C++ -*-===//
//
// Reads the translation units of a compilation database with Clang's
// LibTooling (in parallel, each at most once per change thanks to a cache
// in the build folder), finds the declarations marked with faultline's
// annotations (annotations/faultline/annotations.h) and lowers them to the
// rule IR: state members become relations keyed by node, messages @async
// relations, each handler one rule per path, invariants `pre`/`post`,
// scenarios facts. The TUs' fragments are linked into one model per
// scenario (Fragment.h). Every rule keeps the source location of the C++ it
// came from. Code outside the modelable subset is an error at its location
// (docs/annotations.md).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FRONTEND_FRONTEND_H
#define FAULTLINE_FRONTEND_FRONTEND_H

#include "faultline/Frontend/Fragment.h"
#include "faultline/Frontend/TranslationUnit.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::frontend {

/// faultline's version (the project's, from CMake): `--version`, and part of
/// every cache key.
extern const char *const Version;

struct ExtractOptions {
  /// Where compile_commands.json is (or a folder above which to search for
  /// it, as clang-tidy does). Empty: search from the first file's folder.
  std::string BuildPath;
  /// The source files to read; empty means every file of the database.
  std::vector<std::string> Files;
  /// Of those, only the ones whose path matches this (llvm::Regex).
  std::string FilesRegex;
  /// Extra compiler arguments, appended to every command.
  std::vector<std::string> ExtraArgs;
  /// `--ignore-calls`: calls to functions whose qualified name matches
  /// this regular expression have no effect on the model (as FL_IGNORE).
  std::string IgnoreCalls;
  /// `--loop-bound`: the iterations of a while loop the lowering unrolls.
  unsigned LoopBound = 8;
  /// The compiler arguments given after `--` on the command line: then no
  /// database is read and every file is compiled with these (as clang-tidy
  /// does).
  std::optional<std::vector<std::string>> FixedArgs;
  /// Translation units parsed at once; 0: one per core.
  unsigned Jobs = 0;
  /// Reuse and store each TU's extraction in CacheDir (default
  /// BUILD/.faultline-cache; no cache without a database folder).
  bool UseCache = true;
  std::string CacheDir;
  /// Say, per TU, whether it was parsed, read from the cache, or skipped,
  /// and list the code left out of the model (IgnoredCode).
  bool Verbose = false;
  /// A progress line on a terminal.
  bool Progress = true;
  /// `--timeout`: no TU is started past it, and the lowering of one stops
  /// there with an error at the statement it reached.
  std::optional<ExtractionDeadline> Deadline;
};

/// Runs the frontend. Problems are printed to Errs as clang diagnostics;
/// returns nothing if there was any error.
std::optional<std::vector<ExtractedModel>> extract(const ExtractOptions &Opts,
                                                   llvm::raw_ostream &Errs);

/// Links the fragments the clang plugin wrote next to the object files in
/// Dir (recursively: `*.faultline.json`), without parsing anything. Dir may
/// instead be a file listing the fragment files, one a line (relative ones
/// from its folder): faultline_check() lists exactly its target's.
std::optional<std::vector<ExtractedModel>> extractFromObjects(const std::string &Dir,
                                                              llvm::raw_ostream &Errs);

} // namespace faultline::frontend

#endif // FAULTLINE_FRONTEND_FRONTEND_H
