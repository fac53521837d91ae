//===- faultline/IR/JsonFile.h - JSON read safely from files ----*- C++ -*-===//
//
// faultline reads JSON another process wrote: the plugin's fragments, the
// cache's entries, stored verdicts. llvm::json::parse recurses once per
// nesting level, so a file of 200,000 brackets overflows the stack: the
// text is checked against a depth bound first. Cache entries also carry a
// checksum of their JSON (a first line "faultline-checksum <16 hex>\n"),
// so that a damaged entry is noticed and discarded instead of trusted.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_IR_JSONFILE_H
#define FAULTLINE_IR_JSONFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>

#include <string>

namespace faultline::ir {

/// Deeper than any JSON faultline writes (a term nests a few levels per
/// operator), shallow enough for the parser's stack on any thread.
constexpr unsigned MaxJSONDepth = 1000;

/// Parses Text as llvm::json::parse does, after refusing arrays and objects
/// nested deeper than MaxDepth ("line L, column C: JSON nested deeper than
/// N levels").
llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef Text,
                                            unsigned MaxDepth = MaxJSONDepth);

/// A regular file's contents, at most Limit bytes; an error (the system's,
/// "not a regular file", "larger than N bytes") otherwise. A device, a pipe
/// or a huge file named where a file is read is refused, not read forever.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readRegularFile(llvm::StringRef Path,
                                                                    uint64_t Limit);

/// V as the text of a checksummed file.
std::string checksummedJSON(const llvm::json::Value &V);

/// The JSON of a checksummed file's text; an error if the checksum line is
/// missing or does not match the rest, or the rest is not (bounded) JSON.
llvm::Expected<llvm::json::Value> parseChecksummedJSON(llvm::StringRef Text);

} // namespace faultline::ir

#endif // FAULTLINE_IR_JSONFILE_H
