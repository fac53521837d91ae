//===- faultline/Report/SearchReport.h - Describing a search --*- C++ -*-===//
//
// The outcome of `faultline ldfi`: the verdict, each counterexample with its
// faults, the invariant tuples it broke and the timeline of the violating
// run, and the search statistics. Text for people, JSON (schema in
// docs/json-schema.md) for programs.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_SEARCHREPORT_H
#define FAULTLINE_REPORT_SEARCHREPORT_H

#include "faultline/Search/Search.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace llvm {
class raw_ostream;
}

namespace faultline::report {

const char *strategyName(search::Strategy S);
/// "counterexample", "certified" or "inconclusive", as in the JSON output.
const char *verdictName(search::Verdict V);
/// "4096" for small numbers, "1.2e+18" for large ones.
std::string formatCount(long double N);
/// The fault space's size as formatCount writes it, also where it
/// overflows a double ("1.27e+5392", from its log10).
std::string formatSpaceSize(const search::SearchResult &R);

/// "2 invariants never had a pre (a, b): ..." for a certificate that
/// covers only the outcomes seen.
std::string withoutPreText(const search::SearchResult &R);
/// What a certificate adds after "certified for ...", each part led by
/// "; " (empty when nothing): "1 invariant had a pre in no run (a): ..."
/// when the search aimed at those `pre`s and found no fault set that brings
/// them about, and "a pre only faults create was aimed at only until ..."
/// when it stopped aiming at them (SearchResult::PreGoalsPartial).
std::string certificateCaveats(const search::SearchResult &R);
/// "invariants with a pre: K of N", for summary lines.
std::string invariantsWithPreText(const search::SearchResult &R);

struct SearchReportOptions {
  /// List every execution with its faults and verdict.
  bool ShowRuns = false;
};

void printSearchText(llvm::raw_ostream &OS, const search::SearchResult &R,
                     const eval::SymbolTable &Syms, const Bounds &B,
                     search::Strategy Strat, const SearchReportOptions &Opts = {});

llvm::json::Object searchToJSON(const search::SearchResult &R, const eval::SymbolTable &Syms,
                                const Bounds &B, search::Strategy Strat);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_SEARCHREPORT_H
