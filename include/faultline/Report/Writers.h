//===- faultline/Report/Writers.h - Findings for other programs -*- C++ -*-===//
//
// The documents `check --format` and `review --format` write, each from a
// FindingsReport: SARIF 2.1.0 for code-scanning services, reviewdog's
// rdjson, GitLab's Code Quality report, a Markdown review comment, and
// faultline's own JSON (schema in
// docs/json-schema.md).
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_REPORT_WRITERS_H
#define FAULTLINE_REPORT_WRITERS_H

#include "faultline/Report/Findings.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace llvm {
class raw_ostream;
}

namespace faultline::report {

/// SARIF 2.1.0: one rule per invariant, one result per finding with its
/// story as a code flow; baselineState in a review.
llvm::json::Value toSARIF(const FindingsReport &R);
/// reviewdog's Diagnostic Format: the findings present in the (head)
/// revision, introduced ones as errors.
llvm::json::Value toRdjson(const FindingsReport &R);
/// GitLab's Code Quality report: an issue per finding present in the
/// (head) revision.
llvm::json::Value toCodeQuality(const FindingsReport &R);
/// faultline's JSON: the scenarios' verdicts and every finding.
llvm::json::Value toFindingsJSON(const FindingsReport &R);
/// A review comment: a table of what was introduced and fixed, each with
/// its timeline in a collapsible block.
std::string toMarkdown(const FindingsReport &R);

/// Html is the page of HtmlReport.h, which check writes itself.
enum class ReportFormat { Text, Markdown, SARIF, Rdjson, CodeQuality, JSON, Html };
/// Writes R in F (anything but Text), ending with a newline.
void writeReport(llvm::raw_ostream &OS, const FindingsReport &R, ReportFormat F);

} // namespace faultline::report

#endif // FAULTLINE_REPORT_WRITERS_H
