//===- JsonWriter.cpp - Findings as faultline's JSON, and writeReport -----===//

#include "faultline/Report/Writers.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace faultline::report {

llvm::json::Value toFindingsJSON(const FindingsReport &R) {
  llvm::json::Array Scenarios, Findings;
  for (const ScenarioSummary &S : R.Scenarios)
    Scenarios.push_back(toJSON(S));
  std::map<Baseline, unsigned> Count;
  for (const Finding &F : R.Findings) {
    Findings.push_back(toJSON(F));
    ++Count[F.State];
  }
  llvm::json::Object O{{"tool", "faultline"},
                       {"version", R.ToolVersion},
                       {"scenarios", std::move(Scenarios)},
                       {"findings", std::move(Findings)}};
  if (R.Shard)
    O["shard"] = llvm::json::Object{
        {"index", R.Shard->Index}, {"count", R.Shard->Count}, {"scenarios", R.Shard->Total}};
  if (R.SpaceShard)
    O["space_shard"] =
        llvm::json::Object{{"index", R.SpaceShard->Index}, {"count", R.SpaceShard->Count}};
  if (R.IsReview) {
    O["base"] = R.BaseRev;
    O["head"] = R.HeadRev;
    O["introduced"] = Count[Baseline::New];
    O["fixed"] = Count[Baseline::Absent];
    O["still_present"] = Count[Baseline::Unchanged];
    O["still_broken_another_way"] = Count[Baseline::Updated];
  }
  return O;
}

void writeReport(llvm::raw_ostream &OS, const FindingsReport &R, ReportFormat F) {
  switch (F) {
  case ReportFormat::Text:
  case ReportFormat::Html:
    return; // the commands write these themselves (diagnostics, HtmlReport)
  case ReportFormat::Markdown:
    OS << toMarkdown(R);
    return;
  case ReportFormat::SARIF:
    OS << llvm::formatv("{0:2}", toSARIF(R)) << "\n";
    return;
  case ReportFormat::Rdjson:
    OS << llvm::formatv("{0:2}", toRdjson(R)) << "\n";
    return;
  case ReportFormat::CodeQuality:
    OS << llvm::formatv("{0:2}", toCodeQuality(R)) << "\n";
    return;
  case ReportFormat::JSON:
    OS << llvm::formatv("{0:2}", toFindingsJSON(R)) << "\n";
    return;
  }
}

} // namespace faultline::report
