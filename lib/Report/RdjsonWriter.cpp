//===- RdjsonWriter.cpp - Findings as reviewdog's rdjson ------------------===//
//
// reviewdog comments on the lines of a pull request from this: one
// diagnostic per finding present in the revision (a fixed one has nothing
// left to comment on). An introduced finding is an error at the changed
// line of its story (Finding::Changed), which reviewdog's default
// `-filter-mode=added` keeps, with the invariant and the story as related
// locations; one already there is a warning at its invariant, and one that
// breaks it another way than before a warning at the changed line.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include <fmt/format.h>

namespace faultline::report {

namespace {

/// Paths relative to the repository root, where reviewdog runs.
llvm::json::Object rdjsonLocation(const FindingsReport &R, const Location &L) {
  llvm::json::Object O{{"path", relativeToRoot(R, L.File)}};
  if (L.isValid()) {
    llvm::json::Object Start{{"line", L.Line}};
    if (L.Column)
      Start["column"] = L.Column;
    O["range"] = llvm::json::Object{{"start", std::move(Start)}};
  }
  return O;
}

llvm::json::Object related(const FindingsReport &R, const std::string &Message,
                           const Location &L) {
  return llvm::json::Object{{"message", Message}, {"location", rdjsonLocation(R, L)}};
}

} // namespace

llvm::json::Value toRdjson(const FindingsReport &R) {
  llvm::json::Array Diagnostics;
  bool AnyError = false;
  for (const Finding &F : R.Findings) {
    if (F.State == Baseline::Absent)
      continue;
    llvm::json::Array Related;
    if (F.Changed.isValid())
      Related.push_back(related(R, fmt::format("the invariant '{}'", F.Invariant), F.InvariantLoc));
    for (const StoryStep &S : F.Story)
      if (S.Loc.isValid())
        Related.push_back(related(R, S.Text, S.Loc));
    std::string Prefix = F.State == Baseline::New         ? "introduced: "
                         : F.State == Baseline::Unchanged ? "still present: "
                         : F.State == Baseline::Updated   ? "still broken, another way: "
                                                          : "";
    std::string Message =
        fmt::format("{}invariant '{}' is violated in scenario '{}' under: {}", Prefix, F.Invariant,
                    F.Scenario, F.Faults.empty() ? "no faults" : F.Faults);
    if (F.Changed.isValid())
      Message += fmt::format(" (here: the {}; the invariant is at {}:{})", F.ChangedText,
                             relativeToRoot(R, F.InvariantLoc.File), F.InvariantLoc.Line);
    if (F.State == Baseline::Updated)
      Message += fmt::format(" (before: {})", F.Before);
    // What the change broke is an error; what was broken before a warning.
    bool Error = F.State == Baseline::New || F.State == Baseline::None;
    AnyError |= Error;
    Diagnostics.push_back(llvm::json::Object{{"message", std::move(Message)},
                                             {"location", rdjsonLocation(R, F.primary())},
                                             {"severity", Error ? "ERROR" : "WARNING"},
                                             {"code", llvm::json::Object{{"value", F.Invariant}}},
                                             {"related_locations", std::move(Related)}});
  }
  // The result's severity is its worst diagnostic's; none without any.
  bool Any = !Diagnostics.empty();
  llvm::json::Object Out{{"source", llvm::json::Object{{"name", "faultline"}}},
                         {"diagnostics", std::move(Diagnostics)}};
  if (Any)
    Out["severity"] = AnyError ? "ERROR" : "WARNING";
  return Out;
}

} // namespace faultline::report
