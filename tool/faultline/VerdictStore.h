//===- VerdictStore.h - Searches already done, by model -*- C++ -*-===//
//
// review carries the verdict of a scenario whose model did not change
// instead of searching it again: each search it does is stored under
// BUILD/.faultline-cache/verdicts, keyed by faultline's version, the search
// settings and the scenario's model as printed with its locations (file
// paths relative to the repository), so that a stored finding's lines are
// the model's.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_VERDICTSTORE_H
#define FAULTLINE_TOOL_VERDICTSTORE_H

#include "faultline/Check/Explain.h"

#include "faultline/Report/Findings.h"

#include <optional>
#include <string>
#include <vector>

namespace faultline::tool {

struct StoredVerdict {
  std::string Verdict, Detail;
  std::vector<report::Finding> Findings;
};

/// The model of a scenario as review compares it: its program (rules and
/// facts, in a canonical order), bounds, handlers and invariants; with
/// locations (paths mapped) or without.
std::string modelText(const frontend::ExtractedModel &M, const check::SearchSettings &S,
                      const check::PathMapper *WithLocations);

class VerdictStore {
public:
  explicit VerdictStore(std::string Dir) : Dir(std::move(Dir)) {}
  std::optional<StoredVerdict> lookup(const std::string &ModelText) const;
  /// A store that cannot be written only costs the next review a search.
  void store(const std::string &ModelText, const StoredVerdict &V) const;

private:
  std::string pathOf(const std::string &ModelText) const;
  std::string Dir;
};

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_VERDICTSTORE_H
