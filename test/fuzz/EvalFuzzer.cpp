//===- EvalFuzzer.cpp - libFuzzer target for evaluation --------------------===//
//
// Runs random small programs under random bounds and faults. The first
// bytes of an input choose the scenario (see Header); the rest is a .ded
// program, which must parse, validate and stratify to be run. Each run has
// small limits (derivations, tuples, a deadline), as the tool's would be,
// so a program that never converges ends quickly with an error instead of
// hanging the fuzzer. Any crash, sanitizer report or abort is a bug;
// evaluation errors are not.
//
//===----------------------------------------------------------------------===//

#include "faultline/Eval/Evaluator.h"
#include "faultline/Eval/Scenario.h"
#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Validate.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

using namespace faultline;

namespace {

/// Bytes 0..4: EOT, EFF, node count, a crash, an omission. Corpus files
/// start with five printable characters so that they stay text.
constexpr size_t HeaderSize = 5;

Bounds boundsOf(const uint8_t *H) {
  static const char *const Names[] = {"a", "b", "c"};
  Bounds B;
  B.EOT = 1 + H[0] % 8;
  B.EFF = H[1] % (B.EOT + 1);
  for (int I = 0, N = 1 + H[2] % 3; I < N; ++I)
    B.Nodes.push_back(Names[I]);
  B.MaxCrashes = 1;
  return B;
}

FaultSet faultsOf(const uint8_t *H, const Bounds &B) {
  FaultSet F;
  size_t N = B.Nodes.size();
  if (H[3] & 1)
    F.Crashes.push_back({B.Nodes[(H[3] >> 1) % N], 1 + (H[3] >> 3) % B.EOT});
  if ((H[4] & 1) && N > 1 && B.EFF > 1) {
    size_t From = (H[4] >> 1) % N, To = (From + 1 + (H[4] >> 3) % (N - 1)) % N;
    F.Omissions.push_back({B.Nodes[From], B.Nodes[To], 1 + (H[4] >> 5) % (B.EFF - 1)});
  }
  F.normalize();
  return F;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size < HeaderSize)
    return 0;
  std::string Text(reinterpret_cast<const char *>(Data + HeaderSize), Size - HeaderSize);
  llvm::raw_null_ostream Null;
  ir::Program P;
  ir::DiagnosticEngine D(Null);
  D.setProgram(&P);
  unsigned ID = P.addFile("fuzz.ded");
  D.addSourceText(ID, Text);
  std::vector<ir::IncludeDirective> Includes;
  if (!ir::parseBuffer(Text, ID, P, Includes, D) || !ir::validateProgram(P, D))
    return 0;
  ir::Stratification Strata = ir::stratify(P, D);
  if (D.hasErrors())
    return 0;

  Bounds B = boundsOf(Data);
  FaultSet F = faultsOf(Data, B);
  if (checkFaults(B, F))
    __builtin_trap(); // faultsOf must only make scenarios that fit.
  eval::Evaluator Ev(P, std::move(Strata));
  // Both strategies, with and without negative support: they share the
  // joins but not the scans (the naive one reads whole tables).
  for (bool SemiNaive : {false, true}) {
    eval::EvalOptions O;
    O.NegativeSupport = SemiNaive;
    O.Strat = SemiNaive ? eval::Strategy::SemiNaive : eval::Strategy::Naive;
    O.Limits.MaxStepDerivations = 20000;
    O.Limits.MaxTuples = 50000;
    O.Limits.Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    eval::RunStatus Status;
    auto R = Ev.run(B, F, D, O, &Status);
    if ((R != nullptr) != (Status == eval::RunStatus::Completed))
      __builtin_trap(); // The status must say what the result shows.
    if (R)
      (void)R->violates();
  }
  return 0;
}
