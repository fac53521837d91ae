//===- ParserFuzzer.cpp - libFuzzer target for the .ded reader ------------===//
//
// Feeds arbitrary bytes through the whole IR front end: parseBuffer,
// validateProgram, stratify and printProgram (diagnostics formatted into a
// null stream). Any crash, hang or sanitizer report is a bug. For every
// input that parses and validates, the printed text must parse back to the
// same program (sameProgram) and print identically; otherwise abort().
//
//===----------------------------------------------------------------------===//

#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"
#include "faultline/IR/Parser.h"
#include "faultline/IR/Printer.h"
#include "faultline/IR/Validate.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace faultline::ir;

namespace {

[[noreturn]] void fail(const char *What, const std::string &Input,
                       const std::string &Printed) {
  std::fprintf(stderr, "round trip failure: %s\n--- input ---\n%s\n"
                       "--- printed ---\n%s\n",
               What, Input.c_str(), Printed.c_str());
  std::abort();
}

/// Parses Text as one file; returns whether it parsed without errors, and
/// checks that the parser's verdict agrees with the diagnostics it emitted.
bool parseOne(const std::string &Text, Program &P, DiagnosticEngine &D) {
  unsigned ID = P.addFile("fuzz.ded");
  D.setProgram(&P);
  D.addSourceText(ID, Text);
  std::vector<IncludeDirective> Includes;
  unsigned Before = D.errorCount();
  bool Ok = parseBuffer(Text, ID, P, Includes, D);
  if (Ok != (D.errorCount() == Before))
    fail("parseBuffer's result disagrees with its diagnostics", Text, "");
  return Ok;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  llvm::raw_null_ostream Null;

  Program P;
  DiagnosticEngine D(Null);
  if (!parseOne(Text, P, D))
    return 0;
  if (!validateProgram(P, D))
    return 0;
  stratify(P, D);
  PrintOptions WithLocs;
  WithLocs.WithLocations = true;
  (void)printProgram(P, WithLocs);

  std::string Printed = printProgram(P);
  Program Q;
  DiagnosticEngine D2(Null);
  if (!parseOne(Printed, Q, D2))
    fail("printed program does not parse", Text, Printed);
  if (!sameProgram(Q, P))
    fail("printed program parses to a different program", Text, Printed);
  if (!validateProgram(Q, D2))
    fail("printed program does not validate", Text, Printed);
  if (printProgram(Q) != Printed)
    fail("printing is not stable", Text, Printed);
  return 0;
}
