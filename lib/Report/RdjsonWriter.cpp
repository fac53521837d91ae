//===- RdjsonWriter.cpp - Findings as reviewdog's rdjson ------------------===//
//
// reviewdog comments on the lines of a pull request from this: one
// diagnostic per finding present in the revision (a fixed one has nothing
// left to comment on), at its invariant, with its story as related
// locations. Introduced findings are errors, those already there warnings.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include <fmt/format.h>

namespace faultline::report {

namespace {

llvm::json::Object rdjsonLocation(const Location &L) {
  llvm::json::Object O{{"path", L.File}};
  if (L.isValid()) {
    llvm::json::Object Start{{"line", L.Line}};
    if (L.Column)
      Start["column"] = L.Column;
    O["range"] = llvm::json::Object{{"start", std::move(Start)}};
  }
  return O;
}

} // namespace

llvm::json::Value toRdjson(const FindingsReport &R) {
  llvm::json::Array Diagnostics;
  for (const Finding &F : R.Findings) {
    if (F.State == Baseline::Absent)
      continue;
    llvm::json::Array Related;
    for (const StoryStep &S : F.Story)
      if (S.Loc.isValid())
        Related.push_back(
            llvm::json::Object{{"message", S.Text}, {"location", rdjsonLocation(S.Loc)}});
    std::string Prefix = F.State == Baseline::New         ? "introduced: "
                         : F.State == Baseline::Unchanged ? "still present: "
                                                          : "";
    Diagnostics.push_back(llvm::json::Object{
        {"message", fmt::format("{}invariant '{}' is violated in scenario '{}' under: {}", Prefix,
                                F.Invariant, F.Scenario, F.Faults.empty() ? "no faults" : F.Faults)},
        {"location", rdjsonLocation(F.InvariantLoc)},
        {"severity", F.State == Baseline::Unchanged ? "WARNING" : "ERROR"},
        {"code", llvm::json::Object{{"value", F.Invariant}}},
        {"related_locations", std::move(Related)}});
  }
  return llvm::json::Object{{"source", llvm::json::Object{{"name", "faultline"}}},
                            {"severity", "ERROR"},
                            {"diagnostics", std::move(Diagnostics)}};
}

} // namespace faultline::report
