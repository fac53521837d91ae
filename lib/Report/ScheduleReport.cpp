//===- ScheduleReport.cpp - Fault schedules of counterexamples -----------===//

#include "faultline/Report/ScheduleReport.h"

#include "faultline/Report/RunReport.h"

#include "faultline/IR/Printer.h"
#include "faultline/schedule_json.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace faultline::report {

std::vector<std::string> violatedInvariants(const eval::Run &R, const eval::SymbolTable &Syms) {
  std::vector<std::string> Names;
  for (eval::TupleId Id : R.missingPost()) {
    const eval::Tuple &V = R.Tuples[Id].Values;
    if (V.empty())
      continue;
    std::string Name =
        V[0].isInt() ? std::to_string(V[0].V) : Syms.text(static_cast<uint32_t>(V[0].V));
    if (std::find(Names.begin(), Names.end(), Name) == Names.end())
      Names.push_back(std::move(Name));
  }
  return Names;
}

std::string modelFingerprint(const ir::Program &P) {
  std::string Text = ir::printProgram(P);
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(Text));
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::format_hex_no_prefix(Hash, 16);
  return Out;
}

std::string scheduleToJSON(const std::string &Scenario, const std::string &Fingerprint,
                           const Bounds &B, const FaultSet &F,
                           const std::vector<std::string> &Violated) {
  Schedule S{Scenario, Fingerprint, B, F, Violated, /*HasViolated=*/true};
  return scheduleJSON(S).dump(2);
}

} // namespace faultline::report
