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

#include <string>
#include <vector>

namespace faultline::report {

/// The text the fingerprint hashes (one item a line), for people and tests.
std::string fingerprintText(const Finding &F);
/// 16 hex digits.
std::string fingerprint(const Finding &F);

/// Head's findings marked New (no base finding has their fingerprint) or
/// Unchanged, and base's findings that head lacks, marked Absent; the new
/// ones first, then the absent, then the unchanged, each in their order. Each
/// fingerprint is counted: two base findings and one head finding of one
/// fingerprint are one unchanged and one absent. Fingerprints are computed
/// where empty.
std::vector<Finding> classifyFindings(std::vector<Finding> Base, std::vector<Finding> Head);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_REVIEWDIFF_H
