//===- faultline/IR/Parser.h - Reading and checking .ded files --*- C++ -*-===//

#ifndef FAULTLINE_IR_PARSER_H
#define FAULTLINE_IR_PARSER_H

#include "faultline/IR/AST.h"
#include "faultline/IR/Diagnostics.h"

#include <string>
#include <vector>

namespace faultline::ir {

/// Parses one buffer into P, recording its locations under FileID. Include
/// directives are returned in Includes (path as written, and location).
/// Returns false if a syntax error was reported.
struct IncludeDirective {
  std::string Path;
  SourceLoc Loc;
};
bool parseBuffer(const std::string &Text, unsigned FileID, Program &P,
                 std::vector<IncludeDirective> &Includes,
                 DiagnosticEngine &Diags);

/// Loads the given files and everything they include into one program.
/// As in Molly, includes resolve relative to the folder of the first input
/// file; a file included several times is read once; an include cycle or a
/// missing file is an error at the include directive. A path of "-" reads
/// standard input.
bool loadProgram(const std::vector<std::string> &Paths, Program &P,
                 DiagnosticEngine &Diags);

} // namespace faultline::ir

#endif // FAULTLINE_IR_PARSER_H
