//===- ResponseFiles.h - A compile database's @files, read safely -*- C++ -*-===//
//
// A compile command may name response files (`@args.rsp`), which LibTooling
// expands as it reads the command: an `@/dev/zero` would be read until
// memory runs out. The database is loaded here unexpanded, every response
// file its commands name (and those they name in turn) is checked to be a
// regular file of at most MaxResponseFileBytes, and only then is it wrapped
// in LibTooling's expansion, as clang's own JSON plugin does.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_LIB_FRONTEND_RESPONSEFILES_H
#define FAULTLINE_LIB_FRONTEND_RESPONSEFILES_H

#include "clang/Tooling/CompilationDatabase.h"

#include <cstdint>
#include <memory>
#include <string>

namespace faultline::frontend {

/// Response files larger than this (16 MiB) are refused.
constexpr uint64_t MaxResponseFileBytes = 16u << 20;

/// As clang's autoDetectFromDirectory (the first database in Dir or the
/// folders above it), with the response files checked; null, with Error,
/// if there is none or a response file is not fit to read.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabaseFromDirectory(const std::string &Dir, std::string &Error);

/// As clang's autoDetectFromSource (the first database in the folders
/// above Source), with the response files checked.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabaseForSource(const std::string &Source, std::string &Error);

} // namespace faultline::frontend

#endif
