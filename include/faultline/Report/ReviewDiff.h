//===- faultline/Report/ReviewDiff.h - Findings across revisions -*- C++ -*-===//
//
// What identifies a finding from one revision to the next, and the
// classification of two revisions' findings as introduced, fixed or still
// present (as Infer's `reportdiff` does).
//
// A fingerprint names the scenario, the invariant, the kinds and roles of
// the faults (a crash of a Replica, a lost Append from the Leader to a
// Replica) and the handlers in the story, never a line number, a node name
// or a time: moving code or renaming a node does not make a finding new;
// a different way to break the invariant does.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_REVIEWDIFF_H
#define FAULTLINE_REPORT_REVIEWDIFF_H

#include "faultline/Report/Findings.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace faultline::report {

/// The text the fingerprint hashes (one item a line), for people and tests.
std::string fingerprintText(const Finding &F);
/// 16 hex digits.
std::string fingerprint(const Finding &F);

/// "crash c@5, through Master::onCrash, Replica::onWrite": the faults and
/// handlers of a finding, to say how a scenario broke an invariant before.
std::string wayText(const Finding &F);

/// Head's findings marked New (no base finding has their fingerprint) or
/// Unchanged, and base's findings that head lacks, marked Absent. Each
/// fingerprint is counted: two base findings and one head finding of one
/// fingerprint are one unchanged and one absent. Then a new finding and an
/// absent one of the same scenario and invariant are one finding: the head
/// one, Updated, with the base one's way in Before (the scenario still
/// breaks the invariant, another way). The new ones first, then the
/// updated, the absent and the unchanged, each in their order.
/// Fingerprints are computed where empty.
std::vector<Finding> classifyFindings(std::vector<Finding> Base, std::vector<Finding> Head);

/// The lines a revision added or changed, by file (relative to the
/// repository root): the new side of `git diff -U0`'s hunks, each as
/// (first line, last line).
using ChangedLines = std::map<std::string, std::vector<std::pair<unsigned, unsigned>>>;

/// Reads the hunks of a unified diff with no context lines (git diff -U0
/// --no-color): the `+++ b/path` of each file and the `+start,count` of
/// each hunk. A deleted file, and a hunk that only deletes, add nothing.
ChangedLines parseChangedLines(llvm::StringRef UnifiedDiff);

/// Places each introduced (New) or Updated finding on the change that takes part in
/// it, where a review bot that comments on changed lines (reviewdog's
/// default filter, GitHub's pull-request alerts) shows it: the first
/// changed line of the code its story runs (Finding::Changed), step by
/// step in time order, else of the invariant's line or of the scenario
/// (where a crash step is); when no such line changed, it stays at the
/// invariant.
void placeOnChanges(std::vector<Finding> &Findings, const ChangedLines &Changed);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_REVIEWDIFF_H
