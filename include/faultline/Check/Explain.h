//===- faultline/Check/Explain.h - A counterexample in C++ terms -*- C++ -*-===//
//
// The story of a violating run of an extracted scenario: each crash, each
// handler that ran (from the run's fl_current table, the handler found by
// the message it handles and the role the frontend recorded for it) and
// each lost message's send, in time order, at its C++ location; and the
// broken invariant in the C++ terms. check prints it as notes under a
// warning at the invariant; the writers and the review get it as a Finding.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_CHECK_EXPLAIN_H
#define FAULTLINE_CHECK_EXPLAIN_H

#include "faultline/Check/ScenarioSearch.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/Report/Findings.h"

#include <functional>
#include <string>
#include <vector>

namespace faultline::check {

/// Prints a counterexample as check does: a warning at the violated
/// invariant, then a note per step of its story in time order.
/// Verbose: every handler that ran is a note, not only those that lead to
/// the failure (in the lineage of the broken invariant's precondition, or
/// run only because of the faults). The last note says which instance of
/// the invariant is false, in the C++ terms.
void diagnoseCounterexample(const SearchedScenario &S, const search::Counterexample &C,
                            ir::DiagnosticEngine &D, bool Verbose = false);

/// A run's whole story (every crash, lost send and handler) with absolute
/// file names: the HTML report's.
std::vector<report::StoryStep> storyOf(const SearchedScenario &S, const eval::Run &R);

/// "durability(c = C, m = M, r = b) is false at the end of time 16, for seq = 0"
std::string describeViolation(const SearchedScenario &S, const eval::Tuple &Pre, int EOT);

/// A message with its payload in the C++ terms, `replicate{seq = 0, value =
/// "x"}`: the field names its handlers read; "" when they do not name them.
std::string messageText(const SearchedScenario &S, const eval::Message &M);

/// A file name of the program as the reports show it (review: relative to
/// the repository root).
using PathMapper = std::function<std::string(const std::string &)>;

/// The counterexample as a finding (fingerprint included).
report::Finding findingOf(const SearchedScenario &S, const search::Counterexample &C,
                          const PathMapper &MapPath);

} // namespace faultline::check

#endif // FAULTLINE_CHECK_EXPLAIN_H
