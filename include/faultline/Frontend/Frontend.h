//===- faultline/Frontend/Frontend.h - From C++ to rules --------*- C++ -*-===//
//
// Reads the translation units of a compilation database with Clang's
// LibTooling, finds the declarations marked with faultline's annotations
// (annotations/faultline/annotations.h) and lowers them to the rule IR:
// state members become relations keyed by node, messages @async relations,
// each handler one rule per path, invariants `pre`/`post`, scenarios facts.
// Every rule keeps the source location of the C++ it came from. Code outside
// the modelable subset is an error at its location (docs/annotations.md).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_FRONTEND_FRONTEND_H
#define FAULTLINE_FRONTEND_FRONTEND_H

#include "faultline/IR/AST.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace faultline::frontend {

/// One FL_SCENARIO function: bounds, nodes, and the facts that start it.
struct ScenarioModel {
  std::string Name;
  int EOT = 3, EFF = 2, Crashes = 0;
  std::vector<std::string> Nodes;
  std::vector<ir::Fact> Facts;
  ir::SourceLoc Loc;
};

/// Where a handler or invariant is declared, for explaining runs.
struct Declaration {
  std::string Name; ///< Role::method, or the invariant's name.
  ir::SourceLoc Loc;
};

struct ExtractedModel {
  /// The rules of the protocol (no facts), and the file table of every
  /// location they carry.
  ir::Program Rules;
  std::vector<ScenarioModel> Scenarios;
  /// Receive handlers by the message relation they handle.
  std::vector<std::pair<std::string, Declaration>> Handlers;
  /// Invariants by name.
  std::vector<Declaration> Invariants;

  /// The runnable program of one scenario: the rules and its facts.
  ir::Program programFor(const ScenarioModel &S) const;
};

struct ExtractOptions {
  /// Where compile_commands.json is (or a folder above which to search for
  /// it, as clang-tidy does). Empty: search from the first file's folder.
  std::string BuildPath;
  /// The source files to read; empty means every file of the database.
  std::vector<std::string> Files;
  /// Extra compiler arguments, appended to every command.
  std::vector<std::string> ExtraArgs;
  /// The compiler arguments given after `--` on the command line: then no
  /// database is read and every file is compiled with these (as clang-tidy
  /// does).
  std::optional<std::vector<std::string>> FixedArgs;
};

/// Runs the frontend. Problems are printed to Errs as clang diagnostics;
/// returns nothing if there was any error.
std::optional<ExtractedModel> extract(const ExtractOptions &Opts, llvm::raw_ostream &Errs);

} // namespace faultline::frontend

#endif // FAULTLINE_FRONTEND_FRONTEND_H
