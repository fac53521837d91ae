//===- CodeQualityWriter.cpp - Findings as GitLab's Code Quality report ---===//
//
// GitLab shows a merge request's new and resolved Code Quality issues by
// comparing the report of its head pipeline with its base's, so this is
// the findings present in the revision, each at its primary location (a
// review's introduced finding at the changed line of its story), with a
// fingerprint unique within the report: the finding's own, and the
// occurrence when a run has it more than once.
//
//===----------------------------------------------------------------------===//

#include "faultline/Report/Writers.h"

#include <fmt/format.h>

#include <map>

namespace faultline::report {

llvm::json::Value toCodeQuality(const FindingsReport &R) {
  llvm::json::Array Issues;
  std::map<std::string, unsigned> Seen;
  for (const Finding &F : R.Findings) {
    if (F.State == Baseline::Absent)
      continue;
    unsigned Occurrence = ++Seen[F.Fingerprint];
    const Location &At = F.primary();
    Issues.push_back(llvm::json::Object{
        {"description", fmt::format("invariant '{}' is violated in scenario '{}' under: {}",
                                    F.Invariant, F.Scenario,
                                    F.Faults.empty() ? "no faults" : F.Faults)},
        {"check_name", "faultline/" + F.Invariant},
        {"fingerprint", Occurrence == 1 ? F.Fingerprint
                                        : fmt::format("{}-{}", F.Fingerprint, Occurrence)},
        {"severity", F.State == Baseline::Unchanged ? "major" : "critical"},
        {"location", llvm::json::Object{{"path", relativeToRoot(R, At.File)},
                                        {"lines", llvm::json::Object{{"begin", At.Line}}}}}});
  }
  return Issues;
}

} // namespace faultline::report
