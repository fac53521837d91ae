//===- VerdictStore.h - Searches already done, by model -*- C++ -*-===//
//
// review and check carry the verdict of a scenario whose model did not
// change instead of searching it again: each search they do is stored under
// CACHE/verdicts, keyed by faultline's version, the search settings and the
// scenario's model as printed with its locations (review: file paths
// relative to the repository), so that a stored finding's lines are the
// model's. check also stores what it prints of the scenario (its
// diagnostics, and the fault schedules of --emit-schedules), so that it
// prints the same from a stored verdict.
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
  /// A search of one space shard (check --space-shard): its runs and first
  /// counterexample.
  std::optional<report::SpaceShardSummary> Space;
  /// check's: its diagnostics for the scenario (without and with -v) and
  /// the schedule of each counterexample, as --emit-schedules writes them.
  /// A review's entry has none (HasOutput false).
  bool HasOutput = false;
  std::string Text, VerboseText;
  std::vector<std::string> Schedules;
  /// The files whose lines Text quotes, with a hash of their contents: an
  /// entry whose files changed is searched again (the model alone does not
  /// say that a quoted line is the same).
  std::vector<std::pair<std::string, std::string>> Sources;
};

/// The hash VerdictStore keeps of a quoted file's contents ("" if it
/// cannot be read).
std::string contentsHash(const std::string &Path);

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
