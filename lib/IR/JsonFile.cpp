//===- JsonFile.cpp - Bounded and checksummed JSON ------------------------===//

#include "faultline/IR/JsonFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace faultline::ir {

namespace {

constexpr llvm::StringLiteral ChecksumTag = "faultline-checksum ";

std::string checksumOf(llvm::StringRef Text) {
  return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true, 16);
}

} // namespace

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readRegularFile(llvm::StringRef Path,
                                                                    uint64_t Limit) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return llvm::errorCodeToError(EC);
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "not a regular file");
  if (Status.getSize() > Limit)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "larger than %llu bytes", (unsigned long long)Limit);
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::errorCodeToError(Buffer.getError());
  // It may have grown since.
  if ((*Buffer)->getBufferSize() > Limit)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "larger than %llu bytes", (unsigned long long)Limit);
  return std::move(*Buffer);
}

llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef Text, unsigned MaxDepth) {
  // Brackets outside strings, as the parser will meet them. Malformed text
  // is left to the parser, which reports it better.
  unsigned Depth = 0, Line = 1;
  size_t LineStart = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    switch (C) {
    case '"':
      InString = true;
      break;
    case '\n':
      ++Line;
      LineStart = I + 1;
      break;
    case '[':
    case '{':
      if (++Depth > MaxDepth)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(), "line %u, column %zu: JSON nested deeper than %u levels",
            Line, I - LineStart + 1, MaxDepth);
      break;
    case ']':
    case '}':
      if (Depth)
        --Depth;
      break;
    default:
      break;
    }
  }
  return llvm::json::parse(Text);
}

std::string checksummedJSON(const llvm::json::Value &V) {
  std::string Body;
  llvm::raw_string_ostream(Body) << V;
  return ChecksumTag.str() + checksumOf(Body) + "\n" + Body;
}

llvm::Expected<llvm::json::Value> parseChecksummedJSON(llvm::StringRef Text) {
  auto [First, Body] = Text.split('\n');
  if (!First.consume_front(ChecksumTag) || First.size() != 16)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "no checksum line");
  if (First != checksumOf(Body))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "its checksum does not match its contents");
  return parseJSON(Body);
}

} // namespace faultline::ir
